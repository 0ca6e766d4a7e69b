/**
 * The typed input of every customer email (rulebook section 8): one discriminated union, so a
 * caller cannot send an FOC email without its FOC date or a rejection email without its code.
 * There is deliberately no field for a PIN or an account number: a template cannot leak one.
 */
import type { IsoDate } from '../domain/calendar';
import type { ActorRole } from '../domain/fees';
import type { RejectionCode } from '../domain/rejection-codes';
import type { NumberStatus } from '../domain/statuses';

export interface EmailBase {
  orderId: string;
  customerReference?: string;
  /** The account's notification address. */
  to: string;
  /** IANA zone of the service address: every instant in the email is shown in it. */
  timeZone: string;
}

export interface SubmissionReceivedEmail extends EmailBase {
  kind: 'submission_received';
  phoneNumbers: string[];
}

export interface ReviewApprovedEmail extends EmailBase {
  kind: 'review_approved';
  phoneNumbers: string[];
}

export interface ReviewRejectedEmail extends EmailBase {
  kind: 'review_rejected';
  phoneNumbers: string[];
  /** The reviewer's reason, in words the customer can act on. */
  reason: string;
  /** When the reviewer matched a carrier reason (e.g. a CSR mismatch), its meaning and remedy are added. */
  code?: RejectionCode;
  /** Epoch ms: until when the order itself may be corrected and resubmitted (resubmittable codes). */
  resubmitBy?: number;
}

export interface NumberRejection {
  phoneNumbers: string[];
  code: RejectionCode;
}

export interface NumberRejectedEmail extends EmailBase {
  kind: 'number_rejected';
  rejections: NumberRejection[];
  /** Epoch ms until which the order waits for a resubmission; expected whenever a rejection is resubmittable. */
  resubmitBy?: number;
}

export interface FocAssignedEmail extends EmailBase {
  kind: 'foc_assigned';
  phoneNumbers: string[];
  focDate: IsoDate;
}

export interface FocMovedEmail extends EmailBase {
  kind: 'foc_moved';
  phoneNumbers: string[];
  focDate: IsoDate;
  /** Absent when no FOC had been granted before (a port date set before the carrier answered). */
  previousFocDate?: IsoDate;
}

export interface CanceledNumberFee {
  phoneNumber: string;
  /** The charge recorded for this number, in USD cents (0 when free; carrier cancellations are always free). */
  feeCents: number;
}

export interface CanceledEmail extends EmailBase {
  kind: 'canceled';
  canceledBy: ActorRole | 'carrier';
  numbers: CanceledNumberFee[];
}

export type DegradedNumberStatus = Extract<
  NumberStatus,
  'ported_sms_inactive' | 'ported_voice_inactive' | 'ported_sms_voice_inactive'
>;

export interface CapabilityDegradedEmail extends EmailBase {
  kind: 'capability_degraded';
  numbers: Array<{ phoneNumber: string; status: DegradedNumberStatus }>;
}

export interface CompletedEmail extends EmailBase {
  kind: 'completed';
  /** Numbers that just became active numbers of the account. */
  phoneNumbers: string[];
}

/** Support wrote on the order's comment thread (the text stays behind the API: read it there). */
export interface CommentAddedEmail extends EmailBase {
  kind: 'comment_added';
  phoneNumbers: string[];
}

/** To the authorized person: sign the order's LOA electronically through a single-use link. */
export interface LoaSignatureRequestEmail extends EmailBase {
  kind: 'loa_signature_request';
  phoneNumbers: string[];
  /** Whom the letter names as signer. */
  signerName: string;
  link: string;
  /** Epoch ms after which the link no longer works. */
  expiresAt: number;
}

export type EmailMessage =
  | SubmissionReceivedEmail
  | ReviewApprovedEmail
  | ReviewRejectedEmail
  | NumberRejectedEmail
  | FocAssignedEmail
  | FocMovedEmail
  | CanceledEmail
  | CapabilityDegradedEmail
  | CompletedEmail
  | CommentAddedEmail
  | LoaSignatureRequestEmail;

export type EmailKind = EmailMessage['kind'];

export const EMAIL_KINDS = [
  'submission_received',
  'review_approved',
  'review_rejected',
  'number_rejected',
  'foc_assigned',
  'foc_moved',
  'canceled',
  'capability_degraded',
  'completed',
  'comment_added',
  'loa_signature_request',
] as const satisfies readonly EmailKind[];

// Fails to compile when a kind is added to EmailMessage but not listed in EMAIL_KINDS.
const _everyKindListed: Exclude<EmailKind, (typeof EMAIL_KINDS)[number]> extends never ? true : never = true;
