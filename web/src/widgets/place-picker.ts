// A searchable place picker (combobox + listbox): type a name (湖州, 吴兴) or a code; pick with the mouse,
// a tap or the arrow keys and Enter. Several places as removable chips, or exactly one.
import { h, replace, text } from '../dom.js';
import { msg, type Key } from '../i18n.js';
import { getPlace, placeContext, searchPlaces, type Place, type PlaceLevel } from '../places.js';

export interface PlacePicker {
  el: HTMLElement;
  input: HTMLInputElement;
  value(): string[];
  set(codes: readonly string[]): void;
  focus(): void;
}

export interface PlacePickerOptions {
  /** The input's id (for its label). */
  id: string;
  levels: readonly PlaceLevel[];
  multiple: boolean;
  max?: number;
  placeholder: Key;
  /** Codes offered as one-tap chips under the input. */
  quick?: readonly string[];
  onChange?: () => void;
}

let pickers = 0;

export function placePicker(options: PlacePickerOptions): PlacePicker {
  const max = options.multiple ? (options.max ?? 10) : 1;
  const listId = `places-${++pickers}`;
  let selected: string[] = [];
  let results: Place[] = [];
  let active = -1;

  const chips = h('div', { class: 'picked', 'aria-live': 'polite' });
  const list = h('ul', { class: 'listbox', role: 'listbox', id: listId, hidden: true });
  const input = h('input', {
    id: options.id,
    type: 'search',
    class: 'input',
    role: 'combobox',
    autocomplete: 'off',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    i18n: { placeholder: options.placeholder },
    on: {
      input: () => search(),
      focus: () => search(),
      blur: () => setTimeout(close, 150),
      keydown: (e) => keys(e),
    },
  });
  const quick = options.quick?.length
    ? h(
        'div',
        { class: 'quick-places' },
        text('picker.quick'),
        options.quick.map((code) =>
          h('button', { type: 'button', class: 'chip chip-small', 'data-code': code, on: { click: () => pick(code) } }, getPlace(code)?.name ?? code),
        ),
      )
    : null;
  const el = h('div', { class: 'picker' }, chips, h('div', { class: 'combo' }, input, list), quick);

  function search() {
    results = searchPlaces(input.value, options.levels);
    active = results.length > 0 ? 0 : -1;
    if (input.value.trim() === '') return close();
    replace(
      list,
      results.length === 0
        ? h('li', { class: 'listbox-empty', 'aria-disabled': 'true' }, text('picker.none'))
        : results.map((place, i) =>
            h(
              'li',
              {
                role: 'option',
                id: `${listId}-${i}`,
                'data-code': place.code,
                'aria-selected': String(i === active),
                on: {
                  mousedown: (e) => {
                    e.preventDefault();
                    pick(place.code);
                  },
                },
              },
              h('span', { class: 'option-name' }, place.name),
              h('span', { class: 'option-context' }, placeContext(place)),
              h('span', { class: 'option-level' }, text(msg('level', { v: place.level }))),
            ),
          ),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight();
  }

  function highlight() {
    list.querySelectorAll('[role=option]').forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${active}`);
      list.querySelector(`#${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function keys(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) search();
      if (results.length === 0) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
      highlight();
    } else if (e.key === 'Enter') {
      const choice = list.hidden ? undefined : results[active];
      if (choice) {
        e.preventDefault();
        pick(choice.code);
      }
    } else if (e.key === 'Escape') {
      close();
    } else if (e.key === 'Backspace' && input.value === '' && selected.length > 0 && options.multiple) {
      remove(selected[selected.length - 1]!);
    }
  }

  function pick(code: string) {
    if (options.multiple) {
      if (!selected.includes(code) && selected.length < max) selected = [...selected, code];
    } else selected = [code];
    input.value = '';
    close();
    render();
    options.onChange?.();
  }

  function remove(code: string) {
    selected = selected.filter((c) => c !== code);
    render();
    options.onChange?.();
    input.focus();
  }

  function render() {
    replace(
      chips,
      selected.map((code) => {
        const place = getPlace(code);
        const context = place ? placeContext(place) : '';
        return h(
          'span',
          { class: 'chip chip-picked', 'data-code': code },
          h('span', null, place?.name ?? code),
          context ? h('small', null, context) : null,
          h(
            'button',
            { type: 'button', class: 'chip-remove', on: { click: () => remove(code) }, i18n: { 'aria-label': msg('picker.remove', { name: place?.name ?? code }) } },
            '×',
          ),
        );
      }),
    );
    chips.hidden = selected.length === 0;
  }
  render();

  return {
    el,
    input,
    value: () => [...selected],
    set(codes) {
      selected = [...codes].slice(0, max);
      render();
    },
    focus: () => input.focus(),
  };
}
