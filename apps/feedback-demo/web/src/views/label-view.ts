// The labelling views (#/label, #/rate, #/correct): one task at a time from the annotator's
// queue, a vote by key or button, the models revealed for a moment, then the next task. `rate`
// asks for 1–5 ratings of both answers before the vote; `correct` offers the better answer for
// editing after it. A failed vote keeps its id and body, so "retry" can never count it twice.
import { ApiError, apiJson } from '../api/client.js';
import type { Campaign, Choice, Task, VoteBody } from '../api/types.js';
import { h, show } from '../dom.js';
import { t } from '../i18n/i18n.js';
import { viewLink } from '../router.js';
import { annotatorName } from '../storage.js';
import { adminTokenForm } from './admin-token-form.js';
import { annotatorForm } from './annotator-form.js';
import { correctionForm, type CorrectionChoice } from './correction-form.js';
import { fetchNext, newVote, sendVote, undoVote, type NextStep } from './queue.js';
import { collectRatings, sendCorrectionOnce, type RatingPair } from './label-extras.js';
import { revealModels, taskPanel, type TaskPanel } from './task-panel.js';
import { voteControls } from './vote-controls.js';

export type LabelMode = 'label' | 'rate' | 'correct';
type State =
  | 'name'
  | 'loading'
  | 'task'
  | 'sending'
  | 'failed'
  | 'reveal'
  | 'correcting'
  | 'generating'
  | 'finished'
  | 'error';

const REVEAL_MS = 1200;

export function mountLabelView(root: HTMLElement, campaignId: string, mode: LabelMode): () => void {
  let annotator = annotatorName();
  let state: State = 'loading';
  let task: Task | undefined;
  let panel: TaskPanel | undefined;
  let ratings: RatingPair | undefined;
  let shownAt = 0;
  let pending: VoteBody | undefined;
  const undoStack: string[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const title = h('h1', {}, campaignId);
  const who = h('p', { class: 'who' });
  const progressBar = h('progress', { max: 1, value: 0 });
  const progressText = h('span', { class: 'progress-text' });
  const status = h('div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const content = h('div', { class: 'content' });
  const controls = voteControls({ vote, undo });
  const stopKeys = controls.listen();
  show(
    root,
    h(
      'header',
      { class: 'label-header' },
      title,
      who,
      h('div', { class: 'progress' }, progressBar, progressText),
    ),
    status,
    content,
    controls.element,
  );

  function setState(next: State, message?: string | Node): void {
    state = next;
    root.dataset.state = next;
    controls.setEnabled(
      next === 'task' || next === 'failed',
      undoStack.length > 0 &&
        ['task', 'failed', 'reveal', 'correcting', 'finished', 'generating'].includes(next),
    );
    if (message !== undefined) show(status, message);
  }

  function later(ms: number, action: () => void): void {
    clearTimeout(timer);
    timer = setTimeout(action, ms);
  }

  function showWho(): void {
    show(
      who,
      annotator ? t('annotatorAs', { name: annotator }) : '',
      ' ',
      h('button', { type: 'button', class: 'link-button', onclick: askName }, t('changeName')),
    );
  }

  function askName(): void {
    clearTimeout(timer);
    setState('name', '');
    show(
      content,
      annotatorForm((name) => {
        annotator = name;
        showWho();
        void load();
      }),
    );
  }

  function fail(error: unknown, next: State = 'error'): void {
    if (disposed) return;
    if (error instanceof ApiError && error.status === 401) {
      setState('error', t('inviteMissing'));
      show(
        content,
        adminTokenForm(() => void load()),
      );
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    const text = t(next === 'failed' ? 'voteFailed' : 'error', { message });
    setState(next, h('span', { class: 'error' }, text));
    // A failed vote is sent again as it was; a failed correction stays in its form to save again.
    const retry =
      next === 'failed' ? () => pending && void vote(pending.choice) : () => void load();
    if (next !== 'correcting')
      status.append(
        ' ',
        h('button', { type: 'button', class: 'retry', onclick: retry }, t('retry')),
      );
  }

  async function load(): Promise<void> {
    if (!annotator) return askName();
    clearTimeout(timer);
    setState('loading', t('loading'));
    let step: NextStep;
    try {
      step = await fetchNext(campaignId, annotator);
    } catch (error) {
      return fail(error);
    }
    if (disposed) return;
    if (step.kind === 'task') return showTask(step.task);
    task = undefined;
    show(content);
    if (step.kind === 'generating') {
      const progress = step.progress ?? { done: 0, total: 0 };
      setState('generating', h('span', { class: 'generating' }, t('generating', progress)));
      return later(step.waitMs, () => void load());
    }
    const resetsAt = step.resetsAt ? new Date(step.resetsAt).toLocaleString() : '';
    setState('finished', step.capped ? t('queueCapped', { time: resetsAt }) : t('queueDone'));
    show(
      content,
      h('p', { class: 'done' }, h('a', { href: viewLink('results', campaignId) }, t('seeResults'))),
    );
  }

  function showTask(next: Task): void {
    task = next;
    pending = undefined;
    panel = taskPanel(next);
    ratings = mode === 'rate' ? collectRatings(panel) : undefined;
    show(content, panel.element);
    const { done, remaining } = next.position;
    progressBar.max = Math.max(1, done + remaining);
    progressBar.value = done;
    progressText.textContent = t('progress', { done, remaining });
    shownAt = performance.now();
    setState('task', '');
  }

  async function vote(choice: Choice): Promise<void> {
    if (!task || !annotator || (state !== 'task' && state !== 'failed')) return;
    const current = task;
    if (ratings && !ratings.complete())
      return void setState(state, h('span', { class: 'error' }, t('rateFirst')));
    // The same choice after a failure is the same vote: same id, same body (timeSpentMs too).
    const body =
      pending?.choice === choice ? pending : newVote(current, annotator, choice, shownAt);
    pending = body;
    setState('sending', t('sending'));
    try {
      if (ratings) await ratings.send(campaignId, current, annotator);
      const result = await sendVote(campaignId, body);
      if (disposed || task !== current) return;
      pending = undefined;
      undoStack.push(result.id);
      if (panel) revealModels(panel, result.reveal);
      setState('reveal', h('span', { class: 'reveal' }, t('reveal', result.reveal)));
      if (mode === 'correct') return offerCorrection(current, choice);
      later(REVEAL_MS, () => void load());
    } catch (error) {
      fail(error, 'failed');
    }
  }

  function offerCorrection(current: Task, choice: Choice): void {
    setState('correcting');
    const form = correctionForm(current, choice, {
      save: (correction: CorrectionChoice) => {
        setState('sending', t('sending'));
        sendCorrectionOnce(campaignId, current, annotator ?? '', correction).then(
          () => void load().then(() => show(status, t('correctionSaved'))),
          (error: unknown) => {
            fail(error, 'correcting');
          },
        );
      },
      skip: () => void load(),
    });
    content.append(form);
  }

  async function undo(): Promise<void> {
    const id = undoStack.at(-1);
    if (!annotator || state === 'sending' || state === 'loading') return;
    if (!id) return void show(status, t('nothingToUndo'));
    clearTimeout(timer);
    setState('sending', t('sending'));
    try {
      await undoVote(campaignId, id, annotator);
      undoStack.pop();
      await load();
      show(status, t('undone'));
    } catch (error) {
      fail(error);
    }
  }

  apiJson<Campaign>(`/campaigns/${encodeURIComponent(campaignId)}`, { campaignId }).then(
    (campaign) => (title.textContent = campaign.name),
    () => undefined,
  );
  showWho();
  void load();
  return () => {
    disposed = true;
    clearTimeout(timer);
    stopKeys();
    delete root.dataset.state;
  };
}
