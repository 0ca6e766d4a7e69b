/**
 * Typed search attributes ops filter on in the Temporal UI. Registered on the dev server by flag
 * (scripts/servers) and in docker-compose by the admin-tools step. Never personal data or secrets.
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const PortInStatus = defineSearchAttributeKey('PortInStatus', SearchAttributeType.KEYWORD);
export const AccountId = defineSearchAttributeKey('AccountId', SearchAttributeType.KEYWORD);
export const FocDate = defineSearchAttributeKey('FocDate', SearchAttributeType.DATETIME);
export const LosingCarrier = defineSearchAttributeKey('LosingCarrier', SearchAttributeType.KEYWORD);
export const NeedsAttention = defineSearchAttributeKey('NeedsAttention', SearchAttributeType.BOOL);

/** Name and CLI type of every custom search attribute, for `temporal server start-dev --search-attribute`. */
export const SEARCH_ATTRIBUTE_FLAGS: ReadonlyArray<[string, 'Keyword' | 'Datetime' | 'Bool']> = [
  ['PortInStatus', 'Keyword'],
  ['AccountId', 'Keyword'],
  ['FocDate', 'Datetime'],
  ['LosingCarrier', 'Keyword'],
  ['NeedsAttention', 'Bool'],
];
