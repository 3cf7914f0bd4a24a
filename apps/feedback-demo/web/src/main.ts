// The labelling page's entry: the language toggle, and one view per hash route. Each view mounts
// into <main> and returns its cleanup (key listeners, timers, streams), run on the next route.
import './style.css';
import { currentLang, setLang, t } from './i18n/i18n.js';
import { currentRoute } from './router.js';
import { show } from './dom.js';
import { mountHomeView } from './views/home-view.js';
import { mountLabelView } from './views/label-view.js';
import { mountResultsView } from './views/results-view.js';

type Cleanup = () => void;

const root = document.querySelector<HTMLElement>('#app')!;
const toggle = document.querySelector<HTMLButtonElement>('#lang-toggle')!;
const brand = document.querySelector<HTMLAnchorElement>('.brand')!;
let cleanup: Cleanup = () => undefined;

function render(): void {
  cleanup();
  toggle.textContent = t('language');
  brand.textContent = t('home');
  const route = currentRoute();
  root.dataset.view = route.view;
  const id = route.campaignId ?? '';
  switch (route.view) {
    case 'home':
      cleanup = mountHomeView(root);
      break;
    case 'label':
    case 'rate':
    case 'correct':
      cleanup = mountLabelView(root, id, route.view);
      break;
    case 'results':
      cleanup = mountResultsView(root, id);
      break;
    default:
      show(root, t('notFound'));
      cleanup = () => undefined;
  }
}

toggle.addEventListener('click', () => {
  setLang(currentLang() === 'zh' ? 'en' : 'zh');
  render();
});
window.addEventListener('hashchange', render);
setLang(currentLang());
render();
