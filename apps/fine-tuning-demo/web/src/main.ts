// The fine-tuning page's entry: the language toggle, the navigation and one view per hash route.
// Each view mounts into <main> and returns its cleanup (timers, streams), run on the next route.
import './style.css';
import { currentLang, setLang, t } from './i18n/i18n.js';
import { parseRoute } from './router.js';
import { show } from './dom.js';
import { mountDatasetView } from './views/dataset-view.js';
import { mountHomeView } from './views/home-view.js';
import { mountJobView } from './views/job-view.js';
import { mountJobsView } from './views/jobs-view.js';

type Cleanup = () => void;

const root = document.querySelector<HTMLElement>('#app')!;
const toggle = document.querySelector<HTMLButtonElement>('#lang-toggle')!;
const brand = document.querySelector<HTMLAnchorElement>('.brand')!;
const jobsLink = document.querySelector<HTMLAnchorElement>('#nav-jobs')!;
let cleanup: Cleanup = () => undefined;

function render(): void {
  cleanup();
  toggle.textContent = t('language');
  brand.textContent = t('datasets');
  jobsLink.textContent = t('jobs');
  document.title = t('pageTitle');
  const route = parseRoute(location.hash);
  root.dataset.view = route.view;
  root.dataset.state = 'loading';
  const id = route.id ?? '';
  switch (route.view) {
    case 'home':
      cleanup = mountHomeView(root);
      break;
    case 'dataset':
      cleanup = mountDatasetView(root, id);
      break;
    case 'jobs':
      cleanup = mountJobsView(root);
      break;
    case 'job':
      cleanup = mountJobView(root, id);
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
