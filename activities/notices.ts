/** Maps the workflow's customer notices to email messages and webhook events. */
import { degradedStatus } from '../domain/statuses';
import type { EmailMessage } from '../notifications/email-message';
import type { WebhookEventType } from '../notifications/webhooks';
import type { CustomerNotice } from './types';

type Envelope = { orderId: string; customerReference?: string; to: string; timeZone: string };

export function emailFor(notice: CustomerNotice, envelope: Envelope): EmailMessage {
  switch (notice.kind) {
    case 'submission_received':
    case 'review_approved':
    case 'completed':
    case 'comment_added':
      return { ...envelope, kind: notice.kind, phoneNumbers: notice.phoneNumbers };
    case 'number_rejected':
      if (notice.rejectedBy === 'review')
        return {
          ...envelope,
          kind: 'review_rejected',
          phoneNumbers: notice.phoneNumbers,
          reason: 'Found at our review, before the order went to your current carrier',
          code: notice.reasonCode,
          ...(notice.resubmitBy ? { resubmitBy: Date.parse(notice.resubmitBy) } : {}),
        };
      return {
        ...envelope,
        kind: 'number_rejected',
        rejections: [{ phoneNumbers: notice.phoneNumbers, code: notice.reasonCode }],
        ...(notice.resubmitBy ? { resubmitBy: Date.parse(notice.resubmitBy) } : {}),
      };
    case 'foc_assigned':
      return {
        ...envelope,
        kind: 'foc_assigned',
        phoneNumbers: notice.phoneNumbers,
        focDate: notice.focDate,
      };
    case 'foc_moved':
    case 'port_date_changed':
      return {
        ...envelope,
        kind: 'foc_moved',
        phoneNumbers: notice.phoneNumbers,
        focDate: notice.focDate,
        ...(notice.previousFocDate ? { previousFocDate: notice.previousFocDate } : {}),
      };
    case 'canceled':
      return {
        ...envelope,
        kind: 'canceled',
        canceledBy: notice.canceledBy,
        numbers: notice.phoneNumbers.map((p) => ({
          phoneNumber: p,
          feeCents: notice.fees.find((f) => f.phoneNumber === p)?.feeCents ?? 0,
        })),
      };
    case 'capability_degraded': {
      const status = degradedStatus(notice.failing);
      return {
        ...envelope,
        kind: 'capability_degraded',
        numbers: notice.phoneNumbers.map((phoneNumber) => ({ phoneNumber, status })),
      };
    }
  }
}

export function webhookTypeFor(notice: CustomerNotice): WebhookEventType {
  switch (notice.kind) {
    case 'foc_assigned':
    case 'foc_moved':
    case 'port_date_changed':
      return 'port_in_order.foc_date_set';
    case 'number_rejected':
      return 'port_in_order.rejected';
    case 'canceled':
      return 'port_in_order.canceled';
    case 'completed':
      return 'port_in_order.completed';
    case 'capability_degraded':
      return 'port_in_number.status_changed';
    case 'comment_added':
      return 'port_in_order.comment_added';
    default:
      return 'port_in_order.status_changed';
  }
}
