// DashScope (百炼) fine-tuning answers as its documentation shows them. Each fixture names the
// page it was copied from; where a page's example was cut short or a value is ours, it says so.

// https://help.aliyun.com/en/model-studio/create-fine-tuning-job-api ("Sample response"; the
// fields after `validation_file_ids` are completed from the job object of the get page below).
export const CREATED = {
  request_id: '9654e55a-d74b-4113-aee1-fa19c9384fcc',
  output: {
    job_id: 'ft-202410291653-1c7f',
    job_name: 'ft-202410291653-1c7f',
    status: 'PENDING',
    model: 'qwen3-14b',
    base_model: 'qwen3-14b',
    training_file_ids: ['976bd01a-f30b-4414-86fd-50c54486e3ef'],
    validation_file_ids: [],
    hyper_parameters: {
      n_epochs: 3,
      batch_size: 32,
      max_length: 8192,
      learning_rate: '1.6e-5',
      lr_scheduler_type: 'linear',
      split: 0.9,
    },
    training_type: 'sft',
    create_time: '2024-10-29 16:53:53',
    workspace_id: 'llm-v71tlv***',
    user_identity: '1396993924585947',
    modifier: '1396993924585947',
    creator: '1396993924585947',
    group: 'llm',
  },
};

// https://help.aliyun.com/en/model-studio/get-fine-tuning-job-api ("Response examples", text
// generation model; the tail as on https://www.alibabacloud.com/help/tc/model-studio/get-fine-tuning-job-api).
export const SUCCEEDED = {
  request_id: 'c59b2145-a93c-4e00-b610-4d7cc5c521a2',
  output: {
    ...CREATED.output,
    status: 'SUCCEEDED',
    finetuned_output: 'qwen3-14b-suffix-ft-202410291653-1c7f',
    end_time: '2024-10-29 17:11:26',
    usage: 279808,
  },
};

// https://help.aliyun.com/en/model-studio/list-fine-tuning-jobs-api ("Response example"; the
// second job's fields after `hyper_parameters` are cut short there: `training_type` as the
// first's, `create_time` ours).
export const CANCELED_JOB = {
  job_id: 'ft-202410291512-1851',
  job_name: 'ft-202410291512-1851',
  status: 'CANCELED',
  model: 'qwen3-14b',
  base_model: 'qwen3-14b',
  training_file_ids: [
    '86a9fe7f-dd77-43b0-9834-2170e12339ec',
    '03ead352-6190-4328-8016-61821c23d4fc',
  ],
  validation_file_ids: [],
  hyper_parameters: SUCCEEDED.output.hyper_parameters,
  training_type: 'sft',
  create_time: '2024-10-29 15:12:41',
};
export const LIST_PAGE_2 = {
  request_id: '2182ef64-6398-457b-b3f6-5fde5fd6b388',
  output: { page_no: 2, page_size: 10, total: 12, jobs: [SUCCEEDED.output, CANCELED_JOB] },
};

// https://help.aliyun.com/en/model-studio/cancel-fine-tuning-job-api ("Sample response").
export const CANCEL_OK = {
  request_id: '670fca9d-48dd-4c5a-83e7-33bcc20420f8',
  output: { status: 'success' },
};

// The same page, "Sample error response" (HTTP 404).
export const NOT_FOUND = {
  code: 'NotFound',
  request_id: 'BE213CDD-8A5C-59EE-9A67-055EAB0CB59B',
  message: 'Not Found!',
};

// Files through the OpenAI-compatible mode answer OpenAI's file object: the shape is OpenAI's
// (https://platform.openai.com/docs/api-reference/files/object); the id's form is unconfirmed.
export const UPLOADED = {
  id: 'file-ft-b2f7d9c1e4a34f6e',
  object: 'file',
  bytes: 172,
  created_at: 1730191900,
  filename: 'train.jsonl',
  purpose: 'fine-tune',
  status: 'processed',
};
