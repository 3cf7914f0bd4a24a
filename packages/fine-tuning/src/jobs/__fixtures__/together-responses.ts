// Together AI fine-tuning answers as its documentation shows them. Each fixture names the page
// it was copied from; where a value is ours (the pages' examples use placeholders), it says so.

// https://docs.together.ai/reference/post-fine-tunes (the response example, `status` as shown).
export const CREATED = {
  id: 'ft-01234567890123456789',
  status: 'completed',
  created_at: '2023-05-17T17:35:45.123Z',
  updated_at: '2023-05-17T18:46:23.456Z',
  user_id: 'user_01234567890123456789',
  owner_address: '[email protected]',
  total_price: 1500,
  token_count: 850000,
  events: [],
  model: 'meta-llama/Llama-2-7b-hf',
  model_output_name: 'mynamespace/meta-llama/Llama-2-7b-hf-32162631',
  n_epochs: 3,
  training_file: 'file-01234567890123456789',
  wandb_project_name: 'my-finetune-project',
};

// https://docs.together.ai/reference/get-fine-tunes-id: the same object; `status` set to each
// value of the page's enum in turn by the tests (the example shows `pending`).
export const withStatus = (status: string) => ({ ...CREATED, status });

// https://docs.together.ai/reference/post-fine-tunes-id-cancel (the example; `status` changed from
// its `completed` to `cancel_requested`, what a cancel of a running job reports).
export const CANCEL_REQUESTED = withStatus('cancel_requested');

// https://docs.together.ai/reference/get-fine-tunes (`{data: [...]}`).
export const LIST = {
  data: [CREATED, { ...CREATED, id: 'ft-98765432109876543210', status: 'running' }],
};

// https://docs.together.ai/reference/get-fine-tunes-id-events: `{data: [FinetuneEvent]}`; the
// event fields are the page's (`object`, `created_at`, `level`, `message`, `type`, `hash`, …),
// their values ours (the page shows placeholders).
export const EVENT_PENDING = {
  object: 'fine-tune-event',
  created_at: '2023-05-17T17:35:45.123Z',
  level: 'info',
  message: 'Fine tune request created',
  type: 'job_pending',
  hash: 'a1',
};
export const EVENT_STARTED = {
  ...EVENT_PENDING,
  created_at: '2023-05-17T17:40:02.000Z',
  message: 'Training started',
  type: 'training_start',
  hash: 'a2',
};
export const EVENT_DONE = {
  ...EVENT_PENDING,
  created_at: '2023-05-17T18:46:23.456Z',
  message: 'Job finished',
  type: 'job_complete',
  hash: 'a3',
};

// Files: https://docs.together.ai/reference/upload-file; the answer's fields beyond `id` are unconfirmed.
export const UPLOADED = {
  id: 'file-01234567890123456789',
  object: 'file',
  filename: 'train.jsonl',
  purpose: 'fine-tune',
  bytes: 172,
};

// An error body in OpenAI's shape `{error: {message, type, code}}`: unconfirmed for Together,
// with a message that echoes part of the key as OpenAI's 401 does.
export const unauthorized = (key: string) => ({
  error: {
    message: `Invalid API key provided: ${key}`,
    type: 'invalid_request_error',
    code: 'invalid_api_key',
  },
});
