import { describe, expect, it } from 'vitest';
import { SKILLS, isSkill } from '../../functions/domain/skills.js';

describe('SKILLS', () => {
  it('has the 23 canonical skills of the contract, in order', () => {
    // prepare
    const contract = '普工 泥瓦工 木工 钢筋工 架子工 电工 焊工 水暖工 油漆工 装修工 缝纫工 厨师 服务员 保洁 保安 司机 搬运工 快递员 电子装配 护工 育婴员 种植 养殖'.split(' ');

    // act
    const skills = [...SKILLS];

    // assess
    expect(skills).toHaveLength(23);
    expect(skills).toEqual(contract);
    expect(skills).toContain('电子装配');
    expect(new Set(skills).size).toBe(skills.length);
  });
});

describe('isSkill', () => {
  it('accepts canonical names only', () => {
    // prepare
    const inputs: unknown[] = ['电子装配', '普工', '瓦工', '电焊', '', ' 普工', 42, undefined];

    // act
    const results = inputs.map(isSkill);

    // assess
    expect(results).toEqual([true, true, false, false, false, false, false, false]);
  });
});
