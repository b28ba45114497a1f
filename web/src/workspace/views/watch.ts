// 跟踪名单: labourers still unplaced long after registering (the daily follow-up flags them; 返贫风险).
// What helps them: a public-welfare post, a local job, a call.
import { h, text } from '../../dom.js';
import { onLanguageChange } from '../../i18n.js';
import { labourerList } from '../components/labourer-list.js';
import type { View } from '../router.js';
import type { Workspace } from '../workspace.js';

export function watchView(ws: Workspace): View {
  const list = labourerList(ws, 'watch-list');
  onLanguageChange(() => list.render());
  const actions = h(
    'p',
    { class: 'row wrap' },
    h('a', { class: 'button small', href: '#/dashboard' }, text('coord.watch.createPost')),
    h('a', { class: 'button small', href: '#/vacancies' }, text('coord.watch.vacancies')),
  );
  return {
    el: h('section', { class: 'card view' }, h('h2', null, text('tab.watch')), h('p', { class: 'muted' }, text('coord.watch.help')), actions, list.el),
    show: () => list.load({ watch: true }),
  };
}
