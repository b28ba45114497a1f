import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countyByCode,
  homeCountyFromIdRegion,
  listPlaces,
  placeByCode,
  regionContains,
} from '../../functions/domain/divisions.js';

describe('placeByCode', () => {
  it('finds cities by their 4-digit code', () => {
    // prepare
    const codes = ['3305', '4419'];

    // act
    const places = codes.map(placeByCode);

    // assess
    expect(places).toEqual([
      { code: '3305', name: '湖州市', level: 'city' },
      { code: '4419', name: '东莞市', level: 'city' },
    ]);
  });

  it('finds provinces and counties', () => {
    // prepare
    const codes = ['33', '510822'];

    // act
    const places = codes.map(placeByCode);

    // assess
    expect(places).toEqual([
      { code: '33', name: '浙江省', level: 'province' },
      { code: '510822', name: '青川县', level: 'county' },
    ]);
  });

  it('names the city level of a municipality after the municipality', () => {
    // prepare
    const codes = ['1101', '3101', '5002', '4290'];

    // act
    const names = codes.map((c) => placeByCode(c)?.name);

    // assess
    expect(names).toEqual(['北京市', '上海市', '重庆市', '湖北省直辖县级行政区划']);
  });

  it('reads padded 6-digit province and city codes', () => {
    // prepare
    const codes = ['330000', '330500', '441900'];

    // act
    const places = codes.map(placeByCode);

    // assess
    expect(places).toEqual([
      { code: '33', name: '浙江省', level: 'province' },
      { code: '3305', name: '湖州市', level: 'city' },
      { code: '441900', name: '东莞市', level: 'county' },
    ]);
  });

  it('returns undefined for unknown or malformed codes', () => {
    // prepare
    const codes = ['99', '3399', '339999', '3', '33050', '3305021', 'abcdef', ''];

    // act
    const places = codes.map(placeByCode);

    // assess
    expect(places).toEqual(codes.map(() => undefined));
  });
});

describe('countyByCode', () => {
  it('resolves a county with its city and province', () => {
    // prepare
    const code = '510822';

    // act
    const county = countyByCode(code);

    // assess
    expect(county).toEqual({
      code: '510822',
      name: '青川县',
      cityCode: '5108',
      cityName: '广元市',
      provinceCode: '51',
      provinceName: '四川省',
    });
  });

  it('gives the municipality as city name for a Beijing district', () => {
    // prepare
    const code = '110101';

    // act
    const county = countyByCode(code);

    // assess
    expect(county).toMatchObject({ name: '东城区', cityCode: '1101', cityName: '北京市', provinceName: '北京市' });
  });

  it('returns undefined for retired, unknown or malformed codes', () => {
    // prepare
    const codes = ['110103', '999999', '3305', 'x'];

    // act
    const counties = codes.map(countyByCode);

    // assess
    expect(counties).toEqual(codes.map(() => undefined));
  });
});

describe('regionContains', () => {
  it('contains a county in its province, city and itself', () => {
    // prepare
    const regions = ['33', '3305', '330502', '330000', '330500'];

    // act
    const results = regions.map((r) => regionContains(r, '330502'));

    // assess
    expect(results).toEqual(regions.map(() => true));
  });

  it('does not contain a county of another region', () => {
    // prepare
    const regions = ['4419', '44', '3306', '330503', '34'];

    // act
    const results = regions.map((r) => regionContains(r, '330502'));

    // assess
    expect(results).toEqual(regions.map(() => false));
  });

  it('is false for malformed codes', () => {
    // prepare
    const pairs: [string, string][] = [
      ['3', '330502'],
      ['330', '330502'],
      ['', '330502'],
      ['33', '3305'],
      ['33', '33050a'],
    ];

    // act
    const results = pairs.map(([r, c]) => regionContains(r, c));

    // assess
    expect(results).toEqual(pairs.map(() => false));
  });

  it('agrees with the county table for every county', () => {
    fc.assert(
      fc.property(fc.constantFrom(...listPlaces().filter((p) => p.level === 'county')), (place) => {
        // prepare
        const county = countyByCode(place.code)!;

        // act + assess
        expect(regionContains(county.provinceCode, county.code)).toBe(true);
        expect(regionContains(county.cityCode, county.code)).toBe(true);
        expect(regionContains(county.code, county.code)).toBe(true);
      }),
    );
  });
});

describe('homeCountyFromIdRegion', () => {
  it('names a current county', () => {
    // prepare
    const region = '510822';

    // act
    const home = homeCountyFromIdRegion(region);

    // assess
    expect(home).toEqual({ code: '510822', name: '青川县' });
  });

  it('falls back to the city, then the province, for retired codes', () => {
    // prepare
    const retiredInCity = '110103'; // 崇文区, merged into 东城区 in 2010
    const retiredCity = '512201'; // 万县地区, long gone

    // act
    const [a, b] = [homeCountyFromIdRegion(retiredInCity), homeCountyFromIdRegion(retiredCity)];

    // assess
    expect(a).toEqual({ code: '110103', name: '北京市' });
    expect(b).toEqual({ code: '512201', name: '四川省' });
  });

  it('returns undefined for an unknown province or a malformed code', () => {
    // prepare
    const codes = ['990101', '5108', '51082a'];

    // act
    const homes = codes.map(homeCountyFromIdRegion);

    // assess
    expect(homes).toEqual(codes.map(() => undefined));
  });

  it('refuses address codes that were never assigned', () => {
    // 111111: province 11 exists, city 11 never did; 512201 is an old prefecture (地区) code, kept.
    expect(homeCountyFromIdRegion('111111')).toBeUndefined();
    expect(homeCountyFromIdRegion('339999')).toBeUndefined();
    expect(homeCountyFromIdRegion('512201')).toBeDefined();
  });
});

describe('listPlaces', () => {
  it('lists all provinces, cities and counties once', () => {
    // prepare + act
    const places = listPlaces();

    // assess
    const codes = new Set(places.map((p) => p.code));
    expect(codes.size).toBe(places.length);
    expect(places.filter((p) => p.level === 'province')).toHaveLength(31);
    expect(places).toContainEqual({ code: '4419', name: '东莞市', level: 'city' });
  });
});
