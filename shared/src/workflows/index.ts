/** Every workflow table, for the kernel's table-driven tests and the docs. */
import { APPLICATION_WORKFLOW } from './applications';
import { DISPUTE_WORKFLOW, PETITION_WORKFLOW } from './cases';
import { AGENT_APPLICATION_WORKFLOW, FAMILY_LINK_WORKFLOW, PROXY_WORKFLOW } from './proxy';
import { CALLBACK_WORKFLOW, REQUEST_WORKFLOW } from './requests';

export const WORKFLOWS = [
  REQUEST_WORKFLOW,
  CALLBACK_WORKFLOW,
  APPLICATION_WORKFLOW,
  PROXY_WORKFLOW,
  AGENT_APPLICATION_WORKFLOW,
  FAMILY_LINK_WORKFLOW,
  DISPUTE_WORKFLOW,
  PETITION_WORKFLOW,
] as const;
