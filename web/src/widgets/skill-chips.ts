// The canonical skills as toggle chips (the vocabulary the API and matching use, never a copy).
import { SKILLS } from '../../../functions/domain/skills.js';
import { h, text } from '../dom.js';
import { msg } from '../i18n.js';

export interface SkillChips {
  el: HTMLElement;
  value(): string[];
  set(skills: readonly string[]): void;
  focus(): void;
}

export function skillChips(options: { id: string; labelledBy: string; max?: number; onChange?: () => void }): SkillChips {
  const max = options.max ?? 10;
  const selected = new Set<string>();
  const buttons = SKILLS.map((skill) =>
    h(
      'button',
      {
        type: 'button',
        class: 'chip',
        'aria-pressed': 'false',
        'data-skill': skill,
        on: {
          click: () => {
            if (selected.has(skill)) selected.delete(skill);
            else if (selected.size < max) selected.add(skill);
            sync();
            options.onChange?.();
          },
        },
      },
      text(msg('skill', { v: skill })),
    ),
  );
  const el = h('div', { class: 'chips', role: 'group', id: options.id, 'aria-labelledby': options.labelledBy }, buttons);
  function sync() {
    for (const b of buttons) b.setAttribute('aria-pressed', String(selected.has(b.dataset.skill!)));
  }
  return {
    el,
    value: () => SKILLS.filter((s) => selected.has(s)),
    set(skills) {
      selected.clear();
      for (const s of skills) selected.add(s);
      sync();
    },
    focus: () => buttons[0]?.focus(),
  };
}
