// One valid request per FeedbackModule route, for an app's bad-input suite (`checkBadInputs`):
// every app that mounts the module runs the same samples on an answer it gave.
import type { SampleRequest } from './bad-input-mutations.js';

export function feedbackSampleRequests(responseId: string): SampleRequest[] {
  return [
    {
      method: 'POST',
      path: '/api/feedback/thumbs',
      body: { responseId, value: 'up', reasons: ['好'] },
    },
    {
      method: 'POST',
      path: '/api/feedback/ratings',
      body: { responseId, scale: 5, scores: { 准确性: 4 } },
    },
    { method: 'POST', path: '/api/feedback/corrections', body: { responseId, text: '更好的回答' } },
    { method: 'GET', path: '/api/feedback/responses/:responseId', params: { responseId } },
  ];
}
