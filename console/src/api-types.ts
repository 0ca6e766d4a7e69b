/**
 * Generated from the API's OpenAPI document (api/openapi.ts) by scripts/console-types.ts
 * (openapi-typescript). Do not edit: run `npm run console:types` after changing the API.
 */
export interface paths {
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness
     * @description Answers `200` while the process serves requests. No key.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description alive */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description always `ok`
               * @enum {string}
               */
              status: 'ok';
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness (Temporal and store)
     * @description Answers `200` when both Temporal and the store answer, else `503` naming the one that is down. No key.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description ready */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Readiness'];
          };
        };
        /** @description not ready: which dependency is down; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Readiness'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/portability-checks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check numbers before ordering
     * @description For each number: its E.164 form, country, line type, losing carrier, and whether it can be ported, with every reason it cannot (invalid, wrong country, already active, in another open order, not portable at the carrier). The same rules submit applies (docs/rules.md §2); nothing is stored. Customer keys (own account only: another account’s order is a `404`) and support keys.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description a retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`); an empty value counts as none */
          'Idempotency-Key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /** @description E.164 numbers */
            phoneNumbers: string[];
            /**
             * @description ISO 3166-1 alpha-2
             * @enum {string}
             */
            country?: 'US' | 'CA' | 'AU';
          };
        };
      };
      responses: {
        /** @description per number: E.164, country, line type, losing carrier, portable or why not */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PortabilityCheckResult'];
          };
        };
        /** @description the body is not valid JSON, or nests deeper than any request of this API */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description a request with this Idempotency-Key is still being processed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem; or this Idempotency-Key was used with another body, or is longer than 255 characters */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List orders, newest first (cursor pagination; customers see their own account only)
     * @description Orders newest first, filtered by status, number, reference, account, creation instant and FOC date; paginated by cursor (pass `nextCursor` back with the same filters until it is null). Any key: customers see their own account only; support and ops see every account.
     */
    get: {
      parameters: {
        query?: {
          /** @description orders in this status (docs/rules.md §6) */
          status?: 'draft' | 'in_review' | 'in_progress' | 'completed' | 'rejected' | 'canceled';
          /** @description E.164; orders containing this number */
          phoneNumber?: string;
          /** @description orders with exactly this reference (as given at create) */
          customerReference?: string;
          /** @description support and ops: one account only */
          accountId?: string;
          /** @description orders created at or after this instant (RFC 3339 date-time) */
          createdFrom?: string;
          /** @description orders created at or before this instant (RFC 3339 date-time) */
          createdTo?: string;
          /** @description orders with a number whose FOC date is on or after this date (YYYY-MM-DD) */
          focDateFrom?: string;
          /** @description orders with a number whose FOC date is on or before this date (YYYY-MM-DD) */
          focDateTo?: string;
          /** @description the `nextCursor` of the previous page (opaque); send the same filters with it */
          cursor?: string;
          /** @description page size, 1 to 100 (default 20) */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page of orders */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description the items */
              data: components['schemas']['PortInOrder'][];
              /** @description pass as `cursor` (with the same filters) for the next page; null on the last. A filtered page reads a bounded part of the list, so it may hold fewer items than `limit` (even none) and still have one */
              nextCursor: string | null;
            };
          };
        };
        /** @description invalid query parameters; `errors` names each parameter */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create draft order(s): split per losing-carrier account and toll-free vs local
     * @description Creates a draft: nothing is sent to the carrier yet. Numbers are normalised to E.164; numbers of different losing-carrier accounts, or toll-free mixed with local, become several drafts, each with its `splitReason` (docs/rules.md §2). The schema, the account and every number are checked at once (one `422` naming every problem); the owner, address and documents are checked at submit. The carrier account number and PIN are encrypted at rest and answered masked. Customers create for their own account (Standard plan only: `403 plan_not_eligible`, docs/rules.md §1); support names `accountId`. Next: upload documents, then submit.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description a retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`); an empty value counts as none */
          'Idempotency-Key'?: string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /** @description support only, and then required: the account the order is for. A customer’s orders are always its own account’s */
            accountId?: string;
            /** @description ISO 3166-1 alpha-2 of the numbers: `US` and `CA` are self-service, `AU` is for support only (`country_support_only`), any other is `country_not_portable` (docs/rules.md §1) */
            country: string;
            /** @description your own reference (a PO number…), searchable with `customerReference` */
            customerReference?: string;
            /** @description the numbers to port, in any spelling libphonenumber reads (stored in E.164); all of the order’s country, no duplicates (`duplicate_number`). Numbers of different losing-carrier accounts, or toll-free mixed with local, become separate drafts (`splitReason`). At most 20 for a customer, 100 for staff, 1000 for a staff project port (`too_many_numbers`; docs/rules.md §2) */
            phoneNumbers: string[];
            /** @description who holds the account at the losing carrier: a first and last name, or a business name (`authorized_name_missing`); the LOA is signed by this person (docs/rules.md §3, §4) */
            authorizedPerson: {
              /** @description given name, as on the carrier account */
              firstName?: string;
              /** @description family name, as on the carrier account */
              lastName?: string;
              /** @description the business holding the carrier account, when it is a business */
              businessName?: string;
            };
            /** @description where the numbers are in service, as the losing carrier has it on file (never a PO box; docs/rules.md §3) */
            serviceAddress: {
              /** @description street line: number and street. A post office box is refused at submit (`po_box_not_allowed`; docs/rules.md §3) */
              line1: string;
              /** @description apartment, suite or floor */
              line2?: string;
              /** @description city or locality */
              city: string;
              /** @description state, province or territory of the country, as a code (`NY`, `QC`, `NSW`) or its full name; it sets the order’s time zone unless `timeZone` overrides it (`invalid_region`; docs/rules.md §3, §9) */
              region: string;
              /** @description in the country’s format: US ZIP or ZIP+4, Canadian `A1A 1A1`, Australian four digits (`invalid_postal_code`; docs/rules.md §3) */
              postalCode: string;
              /**
               * @description ISO 3166-1 alpha-2; must be the order’s country (docs/rules.md §2)
               * @enum {string}
               */
              country: 'US' | 'CA' | 'AU';
            };
            /**
             * @description the account the numbers leave, as the losing carrier has it (docs/rules.md §3)
             * @default {}
             */
            losingCarrier?: {
              /** @description the carrier the numbers leave (informative) */
              name?: string;
              /** @description `false` when the carrier has no account numbers; otherwise `accountNumber` is required */
              usesAccountNumber?: boolean;
              /** @description the account number at the losing carrier (`account_number_missing`); encrypted at rest and answered masked (docs/rules.md §3) */
              accountNumber?: string;
              /** @description the port-out PIN, required when a number is wireless (`pin_required`); encrypted at rest, answered masked, never logged (docs/rules.md §3) */
              pin?: string;
              /** @description billing telephone number, optional; when given an E.164 number of the order’s country (`invalid_btn_format`; docs/rules.md §3) */
              btn?: string;
            };
            /** @description every email about the order goes here (`invalid_notification_email`; docs/rules.md §3, §13) */
            notificationEmail: string;
            /** @description YYYY-MM-DD, optional: a business day of the order’s country after today (`port_date_not_business_day`, `port_date_not_in_future`). The carrier may grant a later FOC date (docs/rules.md §5) */
            requestedPortDate?: string;
            /** @description IANA zone (Area/Location), overriding the service address’s zone */
            timeZone?: string;
            /** @description staff only: a project port of up to 1,000 numbers of one losing-carrier account (`project_port_staff_only`; docs/rules.md §2) */
            projectPort?: boolean;
            /** @description `true` when you are the toll-free subscriber: toll-free numbers port only at the subscriber’s request (`toll_free_subscriber_required`; docs/rules.md §4) */
            requesterIsTollFreeSubscriber?: boolean;
            /**
             * @description how the numbers are set up on our side; applied at activation, at 00:00 of the FOC date in the order’s zone (docs/rules.md §5, §9)
             * @default {
             *       "capabilities": "voice+sms"
             *     }
             */
            configuration?: {
              /**
               * @description what the numbers must do once ported; tested before the order completes. `sms` alone is refused at submit (`sms_only_not_portable`: use hosted messaging; docs/rules.md §5, §11)
               * @enum {string}
               */
              capabilities: 'voice' | 'voice+sms' | 'sms';
              /** @description a name for the numbers in your account (free text) */
              alias?: string;
              /** @description the subaccount the numbers are added to */
              subaccountId?: string;
              /** @description caller-ID name: at most 15 ASCII letters, digits, spaces and `. , ' - & !`, at least one letter or digit (`invalid_cnam`; docs/rules.md §5) */
              cnam?: string;
              /** @description the application that answers the numbers (`invalid_application`; docs/rules.md §5) */
              application?: {
                /**
                 * @description the kind of application answering calls
                 * @enum {string}
                 */
                type: 'xml_app' | 'phlo';
                /** @description the application’s id in your account */
                id: string;
              };
            };
            /** @description `true` to ask the carrier to port outside business hours: an extra one-time fee per number (default $50.00, the order policy’s `afterHoursCents`), recorded when the number is ported; default `false` (docs/rules.md §1) */
            afterHoursPort?: boolean;
            /** @description support only, orders outside the US and Canada (AU): the one-time charge per number support quoted, in US cents, recorded when the number is ported; without it the schedule’s amount applies (default $25.00). US and Canadian ports are free (`porting_charge_staff_only`, `porting_charge_not_applicable`; docs/rules.md §1) */
            quotedPortingChargeCents?: number;
          };
        };
      };
      responses: {
        /** @description the draft order(s) created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description the drafts created: one per losing-carrier account and number type (docs/rules.md §2, splitting) */
              orders: {
                /** @description the draft’s id (`pio_` and 20 hex characters): use it in the other order routes */
                id: string;
                /** @description the customer account (`acct_…`) */
                accountId: string;
                /**
                 * @description always `draft` for a created order
                 * @enum {string}
                 */
                status: 'draft' | 'in_review' | 'in_progress' | 'completed' | 'rejected' | 'canceled';
                /** @description your own reference, as given at create */
                customerReference?: string;
                /**
                 * @description the order’s country (ISO 3166-1 alpha-2): every number and the service address are in it (docs/rules.md §2)
                 * @enum {string}
                 */
                country: 'US' | 'CA' | 'AU';
                /** @description IANA zone of the service address */
                timeZone: string;
                /**
                 * @description the staff review: pending, escalated (24 h SLA missed), approved or rejected (docs/rules.md §7)
                 * @enum {string}
                 */
                review?: 'pending' | 'escalated' | 'approved' | 'rejected';
                /** @description a person must act (escalated review, carrier silence, port overdue, failing capability; docs/rules.md §14) */
                needsAttention: boolean;
                /** @description what the order waits for now, each with its deadline when it has one */
                waitingFor: {
                  /** @description the awaited event, in words */
                  what: string;
                  /**
                   * Format: date-time
                   * @description RFC 3339 deadline of the wait
                   */
                  until?: string;
                }[];
                /**
                 * Format: date-time
                 * @description while the order waits for its staff review: when the 24 h review promise runs out (RFC 3339; in the past once `review` is `escalated`). Absent once the review is decided
                 */
                reviewDueAt?: string;
                /** @description who holds the account at the losing carrier: a first and last name, or a business name (`authorized_name_missing`); the LOA is signed by this person (docs/rules.md §3, §4) */
                authorizedPerson: {
                  /** @description given name, as on the carrier account */
                  firstName?: string;
                  /** @description family name, as on the carrier account */
                  lastName?: string;
                  /** @description the business holding the carrier account, when it is a business */
                  businessName?: string;
                };
                /** @description where the numbers are in service, as the losing carrier has it on file (never a PO box; docs/rules.md §3) */
                serviceAddress: {
                  /** @description street line: number and street. A post office box is refused at submit (`po_box_not_allowed`; docs/rules.md §3) */
                  line1: string;
                  /** @description apartment, suite or floor */
                  line2?: string;
                  /** @description city or locality */
                  city: string;
                  /** @description state, province or territory of the country, as a code (`NY`, `QC`, `NSW`) or its full name; it sets the order’s time zone unless `timeZone` overrides it (`invalid_region`; docs/rules.md §3, §9) */
                  region: string;
                  /** @description in the country’s format: US ZIP or ZIP+4, Canadian `A1A 1A1`, Australian four digits (`invalid_postal_code`; docs/rules.md §3) */
                  postalCode: string;
                  /**
                   * @description ISO 3166-1 alpha-2; must be the order’s country (docs/rules.md §2)
                   * @enum {string}
                   */
                  country: 'US' | 'CA' | 'AU';
                };
                /** @description the account the numbers leave; the account number and PIN masked (docs/rules.md §3) */
                losingCarrier: {
                  /** @description the carrier the numbers leave: as the draft names it, and once submitted the one the order was submitted to (the carrier’s look-up of the numbers first, else the name given) */
                  name?: string;
                  /** @description `false` when the carrier has no account numbers */
                  usesAccountNumber?: boolean;
                  /** @description masked: the last four characters only */
                  accountNumber?: string;
                  /** @description masked: the last four characters only */
                  pin?: string;
                  /** @description billing telephone number, E.164 */
                  btn?: string;
                };
                /** @description every email about the order goes here (docs/rules.md §13) */
                notificationEmail: string;
                /** @description the port date asked for, YYYY-MM-DD; the carrier may grant a later FOC (docs/rules.md §5) */
                requestedPortDate?: string;
                /** @description how the numbers are set up on our side; applied at activation, at 00:00 of the FOC date in the order’s zone (docs/rules.md §5, §9) */
                configuration: {
                  /**
                   * @description what the numbers must do once ported; tested before the order completes. `sms` alone is refused at submit (`sms_only_not_portable`: use hosted messaging; docs/rules.md §5, §11)
                   * @enum {string}
                   */
                  capabilities: 'voice' | 'voice+sms' | 'sms';
                  /** @description a name for the numbers in your account (free text) */
                  alias?: string;
                  /** @description the subaccount the numbers are added to */
                  subaccountId?: string;
                  /** @description caller-ID name: at most 15 ASCII letters, digits, spaces and `. , ' - & !`, at least one letter or digit (`invalid_cnam`; docs/rules.md §5) */
                  cnam?: string;
                  /** @description the application that answers the numbers (`invalid_application`; docs/rules.md §5) */
                  application?: {
                    /**
                     * @description the kind of application answering calls
                     * @enum {string}
                     */
                    type: 'xml_app' | 'phlo';
                    /** @description the application’s id in your account */
                    id: string;
                  };
                };
                /** @description the uploaded documents: LOAs and proofs of ownership (docs/rules.md §4) */
                documents: components['schemas']['OrderDocument'][];
                /** @description every number of the order in E.164, drafts included; `numbers` has their statuses once submitted */
                phoneNumbers: string[];
                /** @description empty: a draft has no number statuses yet (see `phoneNumbers`) */
                numbers: components['schemas']['PortInNumber'][];
                /** @description every fee charged on the order, one per number and change (docs/rules.md §12) */
                fees: {
                  /** @description E.164, e.g. `+13475550101` */
                  phoneNumber: string;
                  /** @description fee in US cents (docs/rules.md §12) */
                  feeCents: number;
                  /** @description why the fee was charged: `cancellation` or `port_date_change`, or a port’s one-time charge: `international_port`, `after_hours_port` */
                  reason: string;
                  /**
                   * Format: date-time
                   * @description RFC 3339 date-time it happened (UTC)
                   */
                  at: string;
                }[];
                /** @description the sum of `fees`, in US cents */
                totalFeesCents: number;
                /** @description the customer asked for the port outside business hours: an extra fee per number (docs/rules.md §1) */
                afterHoursPort: boolean;
                /** @description support’s quote of the one-time charge per number of a port outside the US and Canada, US cents (docs/rules.md §1) */
                quotedPortingChargeCents?: number;
                /** @description the one-time charges the order carries, per number and kind: shown on the draft, fixed at submit, and recorded in `fees` when each number is ported (docs/rules.md §1) */
                portingCharges: {
                  /** @description E.164, e.g. `+13475550101` */
                  phoneNumber: string;
                  /**
                   * @description `international_port` (a port outside the US and Canada) or `after_hours_port` (outside business hours)
                   * @enum {string}
                   */
                  kind: 'international_port' | 'after_hours_port';
                  /** @description the charge in US cents (docs/rules.md §1) */
                  feeCents: number;
                }[];
                /**
                 * Format: date-time
                 * @description RFC 3339 date-time the order was submitted (UTC)
                 */
                submittedAt?: string;
                /**
                 * Format: date-time
                 * @description RFC 3339 date-time the record was created (UTC)
                 */
                createdAt: string;
                /**
                 * Format: date-time
                 * @description RFC 3339 date-time of the last change (UTC)
                 */
                updatedAt: string;
                /** @description why these numbers are an order of their own */
                splitReason?: string;
              }[];
            };
          };
        };
        /** @description the body is not valid JSON, or nests deeper than any request of this API */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the key’s role may not create orders, or the account’s plan may not (`plan_not_eligible`) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description a request with this Idempotency-Key is still being processed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem; or this Idempotency-Key was used with another body, or is longer than 255 characters */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One order
     * @description The order as it stands: status derived from its numbers (docs/rules.md §6), each number’s status, FOC date and activation instant (docs/rules.md §9), fees, and what it waits for; on each number the `actions` the caller’s role may take on it now (`cancel`, `change_port_date`, `resubmit`, `configure`: the API decides, a client only offers them), and while the staff review waits its deadline (`reviewDueAt`). Any key: customers see their own account only; support and ops see every account.
     *
     *     **Try it out with** any order of yours, e.g. a draft just created with the `POST /v1/port-in-orders` example.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the order */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PortInOrder'];
          };
        };
        /** @description the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a draft
     * @description Deletes a draft and its documents. A submitted order is canceled instead (`POST …/cancel`). Customer keys (own account only: another account’s order is a `404`) and support keys.
     *
     *     **Try it out with** any order of yours, e.g. a draft just created with the `POST /v1/port-in-orders` example.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description refused in the current state; `code` says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Edit a draft
     * @description Edits a draft: any field but the account and the country (a new country is a new order). Only the fields sent change; numbers are checked as at create. A submitted order is `409 not_a_draft`. Edits of one draft at the same instant are applied one after the other (none lost); one that kept colliding is `409 concurrent_change`, with nothing changed. Customer keys (own account only: another account’s order is a `404`) and support keys.
     *
     *     **Try it out with** any order of yours, e.g. a draft just created with the `POST /v1/port-in-orders` example.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /** @description your own reference (a PO number…), searchable with `customerReference` */
            customerReference?: string;
            /** @description the numbers to port, in any spelling libphonenumber reads (stored in E.164); all of the order’s country, no duplicates (`duplicate_number`). Numbers of different losing-carrier accounts, or toll-free mixed with local, become separate drafts (`splitReason`). At most 20 for a customer, 100 for staff, 1000 for a staff project port (`too_many_numbers`; docs/rules.md §2) */
            phoneNumbers?: string[];
            /** @description who holds the account at the losing carrier: a first and last name, or a business name (`authorized_name_missing`); the LOA is signed by this person (docs/rules.md §3, §4) */
            authorizedPerson?: {
              /** @description given name, as on the carrier account */
              firstName?: string;
              /** @description family name, as on the carrier account */
              lastName?: string;
              /** @description the business holding the carrier account, when it is a business */
              businessName?: string;
            };
            /** @description where the numbers are in service, as the losing carrier has it on file (never a PO box; docs/rules.md §3) */
            serviceAddress?: {
              /** @description street line: number and street. A post office box is refused at submit (`po_box_not_allowed`; docs/rules.md §3) */
              line1: string;
              /** @description apartment, suite or floor */
              line2?: string;
              /** @description city or locality */
              city: string;
              /** @description state, province or territory of the country, as a code (`NY`, `QC`, `NSW`) or its full name; it sets the order’s time zone unless `timeZone` overrides it (`invalid_region`; docs/rules.md §3, §9) */
              region: string;
              /** @description in the country’s format: US ZIP or ZIP+4, Canadian `A1A 1A1`, Australian four digits (`invalid_postal_code`; docs/rules.md §3) */
              postalCode: string;
              /**
               * @description ISO 3166-1 alpha-2; must be the order’s country (docs/rules.md §2)
               * @enum {string}
               */
              country: 'US' | 'CA' | 'AU';
            };
            /** @description the carrier the number leaves, from the look-up */
            losingCarrier?: {
              /** @description the carrier the numbers leave (informative) */
              name?: string;
              /** @description `false` when the carrier has no account numbers; otherwise `accountNumber` is required */
              usesAccountNumber?: boolean;
              /** @description the account number at the losing carrier (`account_number_missing`); encrypted at rest and answered masked (docs/rules.md §3) */
              accountNumber?: string;
              /** @description the port-out PIN, required when a number is wireless (`pin_required`); encrypted at rest, answered masked, never logged (docs/rules.md §3) */
              pin?: string;
              /** @description billing telephone number, optional; when given an E.164 number of the order’s country (`invalid_btn_format`; docs/rules.md §3) */
              btn?: string;
            };
            /** @description every email about the order goes here (`invalid_notification_email`; docs/rules.md §3, §13) */
            notificationEmail?: string;
            /** @description YYYY-MM-DD, optional: a business day of the order’s country after today (`port_date_not_business_day`, `port_date_not_in_future`). The carrier may grant a later FOC date (docs/rules.md §5) */
            requestedPortDate?: string;
            /** @description IANA zone (Area/Location), overriding the service address’s zone */
            timeZone?: string;
            /** @description staff only: a project port of up to 1,000 numbers of one losing-carrier account (`project_port_staff_only`; docs/rules.md §2) */
            projectPort?: boolean;
            /** @description `true` when you are the toll-free subscriber: toll-free numbers port only at the subscriber’s request (`toll_free_subscriber_required`; docs/rules.md §4) */
            requesterIsTollFreeSubscriber?: boolean;
            /**
             * @description how the numbers are set up on our side; applied at activation, at 00:00 of the FOC date in the order’s zone (docs/rules.md §5, §9)
             * @default {
             *       "capabilities": "voice+sms"
             *     }
             */
            configuration?: {
              /**
               * @description what the numbers must do once ported; tested before the order completes. `sms` alone is refused at submit (`sms_only_not_portable`: use hosted messaging; docs/rules.md §5, §11)
               * @enum {string}
               */
              capabilities: 'voice' | 'voice+sms' | 'sms';
              /** @description a name for the numbers in your account (free text) */
              alias?: string;
              /** @description the subaccount the numbers are added to */
              subaccountId?: string;
              /** @description caller-ID name: at most 15 ASCII letters, digits, spaces and `. , ' - & !`, at least one letter or digit (`invalid_cnam`; docs/rules.md §5) */
              cnam?: string;
              /** @description the application that answers the numbers (`invalid_application`; docs/rules.md §5) */
              application?: {
                /**
                 * @description the kind of application answering calls
                 * @enum {string}
                 */
                type: 'xml_app' | 'phlo';
                /** @description the application’s id in your account */
                id: string;
              };
            };
            /** @description `true` to ask the carrier to port outside business hours: an extra one-time fee per number (default $50.00, the order policy’s `afterHoursCents`), recorded when the number is ported; default `false` (docs/rules.md §1) */
            afterHoursPort?: boolean;
            /** @description support only, orders outside the US and Canada (AU): the one-time charge per number support quoted, in US cents, recorded when the number is ported; without it the schedule’s amount applies (default $25.00). US and Canadian ports are free (`porting_charge_staff_only`, `porting_charge_not_applicable`; docs/rules.md §1) */
            quotedPortingChargeCents?: number;
          };
        };
      };
      responses: {
        /** @description the edited draft */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PortInOrder'];
          };
        };
        /** @description the body is not valid JSON, or nests deeper than any request of this API; or the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description refused in the current state; `code` says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/port-in-orders/{id}/configuration': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Number configuration applied at activation
     * @description Replaces how the numbers are set up when they are activated (capabilities, alias, CNAM, application; docs/rules.md §5). Checked by submit’s own rules when written, for a draft as for a submitted order: an invalid CNAM, `sms` alone or an incomplete application is one `422` naming every bad field, and nothing changes. Allowed until a number is activated (`409 number_closed`) or the order closed (`409 order_closed`). Customer keys (own account only: another account’s order is a `404`) and support keys.
     *
     *     **Try it out with** any order of yours, e.g. a draft just created with the `POST /v1/port-in-orders` example.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /**
             * @description what the numbers must do once ported; tested before the order completes. `sms` alone is refused at submit (`sms_only_not_portable`: use hosted messaging; docs/rules.md §5, §11)
             * @enum {string}
             */
            capabilities: 'voice' | 'voice+sms' | 'sms';
            /** @description a name for the numbers in your account (free text) */
            alias?: string;
            /** @description the subaccount the numbers are added to */
            subaccountId?: string;
            /** @description caller-ID name: at most 15 ASCII letters, digits, spaces and `. , ' - & !`, at least one letter or digit (`invalid_cnam`; docs/rules.md §5) */
            cnam?: string;
            /** @description the application that answers the numbers (`invalid_application`; docs/rules.md §5) */
            application?: {
              /**
               * @description the kind of application answering calls
               * @enum {string}
               */
              type: 'xml_app' | 'phlo';
              /** @description the application’s id in your account */
              id: string;
            };
          };
        };
      };
      responses: {
        /** @description the configuration */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description how the numbers are set up on our side; applied at activation, at 00:00 of the FOC date in the order’s zone (docs/rules.md §5, §9) */
              configuration: {
                /**
                 * @description what the numbers must do once ported; tested before the order completes. `sms` alone is refused at submit (`sms_only_not_portable`: use hosted messaging; docs/rules.md §5, §11)
                 * @enum {string}
                 */
                capabilities: 'voice' | 'voice+sms' | 'sms';
                /** @description a name for the numbers in your account (free text) */
                alias?: string;
                /** @description the subaccount the numbers are added to */
                subaccountId?: string;
                /** @description caller-ID name: at most 15 ASCII letters, digits, spaces and `. , ' - & !`, at least one letter or digit (`invalid_cnam`; docs/rules.md §5) */
                cnam?: string;
                /** @description the application that answers the numbers (`invalid_application`; docs/rules.md §5) */
                application?: {
                  /**
                   * @description the kind of application answering calls
                   * @enum {string}
                   */
                  type: 'xml_app' | 'phlo';
                  /** @description the application’s id in your account */
                  id: string;
                };
              };
            };
          };
        };
        /** @description the body is not valid JSON, or nests deeper than any request of this API; or the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description refused in the current state; `code` says why */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The order’s documents: type, SHA-256, size, content type, upload time
     * @description Every document uploaded to the order, oldest first. Customer keys (own account) and support keys; ops keys are refused (documents carry personal data).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the order’s id (`pio_…`) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the documents */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DocumentList'];
          };
        };
        /** @description the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the key’s role may not read documents (ops) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Upload a document (PDF, PNG or JPEG; 10 MB)
     * @description Uploads one document to a draft as `multipart/form-data`: the `file` (PDF, PNG or JPEG, judged from its bytes; at most 10 MB) and what it is. Every number needs an LOA signed by the authorized person, and a proof of ownership: a CSR, a bill at most 30 days old (`issuedOn`), or for VoIP numbers a screenshot of the account (docs/rules.md §4). A bill about to be too old is accepted with a warning. Customer keys (own account only: another account’s order is a `404`) and support keys.
     *
     *     **Try it out with** any order of yours, e.g. a draft just created with the `POST /v1/port-in-orders` example.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description a retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`); an empty value counts as none */
          'Idempotency-Key'?: string;
        };
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'multipart/form-data': {
            /**
             * @description `loa`: the signed letter of authorization (every number needs one); `bill`, `csr` or (VoIP numbers only) `account_screenshot`: proof of ownership (docs/rules.md §4)
             * @enum {string}
             */
            kind: 'loa' | 'bill' | 'csr' | 'account_screenshot';
            /**
             * @description the numbers of the order the document covers (comma-separated in a form); none means every number (`document_number_not_in_order`; docs/rules.md §4)
             * @default []
             */
            phoneNumbers?: string[];
            /** @description bills only, required: the printed issue date, YYYY-MM-DD, at most 30 days before today in the order’s zone (`bill_date_missing`, `bill_too_old`; docs/rules.md §4) */
            issuedOn?: string;
            /**
             * @description LOAs only: `standard` for local numbers, `toll_free` for toll-free ones (`loa_wrong_template`; docs/rules.md §4)
             * @enum {string}
             */
            loaTemplate?: 'standard' | 'toll_free';
            /** @description LOAs only: who signed; must be the authorized person (compared loosely; `loa_signer_mismatch`; docs/rules.md §4) */
            signerName?: string;
            /**
             * Format: binary
             * @description the document: PDF, PNG or JPEG (judged from its bytes), at most 10 MB
             */
            file: string;
          };
        };
      };
      responses: {
        /** @description the stored document with its sha256, and warnings (e.g. a bill about to be too old) */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description `loa`: the signed letter of authorization (every number needs one); `bill`, `csr` or (VoIP numbers only) `account_screenshot`: proof of ownership (docs/rules.md §4)
               * @enum {string}
               */
              kind: 'loa' | 'bill' | 'csr' | 'account_screenshot';
              /**
               * @description the numbers of the order the document covers (comma-separated in a form); none means every number (`document_number_not_in_order`; docs/rules.md §4)
               * @default []
               */
              phoneNumbers: string[];
              /** @description bills only, required: the printed issue date, YYYY-MM-DD, at most 30 days before today in the order’s zone (`bill_date_missing`, `bill_too_old`; docs/rules.md §4) */
              issuedOn?: string;
              /**
               * @description LOAs only: `standard` for local numbers, `toll_free` for toll-free ones (`loa_wrong_template`; docs/rules.md §4)
               * @enum {string}
               */
              loaTemplate?: 'standard' | 'toll_free';
              /** @description LOAs only: who signed; must be the authorized person (compared loosely; `loa_signer_mismatch`; docs/rules.md §4) */
              signerName?: string;
              /** @description identifier, as the API issued it */
              id: string;
              /**
               * @description the media type judged from the content (not the file name)
               * @enum {string}
               */
              contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
              /** @description SHA-256 of the stored bytes, hex */
              sha256: string;
              /** @description bytes */
              size: number;
              /** @description when it was uploaded (RFC 3339); absent on documents stored before it was kept */
              uploadedAt?: string;
              /** @description an LOA signed online: its audit trail (also printed in the PDF) */
              signature?: {
                /** @description the full name the signer typed */
                name: string;
                /** @description when it was signed (RFC 3339) */
                signedAt: string;
                /** @description the signer’s IP address */
                ip: string;
                /** @description the signer’s browser (User-Agent) */
                userAgent: string;
                /** @description SHA-256 of the unsigned letter the signer was shown */
                documentSha256: string;
                /** @description the signature request whose link was used */
                requestId: string;
              };
              /** @description what the carrier would most likely reject; never blocking (docs/rules.md §3, prevention) */
              warnings?: components['schemas']['UploadWarning'][];
            };
          };
        };
        /** @description the multipart form cannot be read (no boundary, a malformed or cut-off part, a second file); or the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description refused in the current state; `code` says why; or a request with this Idempotency-Key is still being processed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description larger than 10 MB; or the document is larger than 10 MB, or a form field larger than its limit */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not a PDF, PNG or JPEG (judged from the content); or not `multipart/form-data`, or the document is not a PDF, PNG or JPEG (judged from the content) */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem; or this Idempotency-Key was used with another body, or is longer than 255 characters */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Validate every intake rule and start the order
     * @description Checks every intake rule at once (docs/rules.md §1–§5): one `422 submission_invalid` lists every problem. A clean order claims its numbers (one open order per number), starts its workflow and goes to staff review (docs/rules.md §7); `warnings` name what the carrier would most likely reject. No body. Customer keys (own account only: another account’s order is a `404`) and support keys.
     *
     *     **Try it out with** a draft with its LOA and a bill uploaded (`POST …/documents`).
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description a retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`); an empty value counts as none */
          'Idempotency-Key'?: string;
        };
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description submitted; `warnings` lists likely carrier rejections */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SubmittedOrder'];
          };
        };
        /** @description the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description refused in the current state; `code` says why; or a request with this Idempotency-Key is still being processed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem; or this Idempotency-Key was used with another body, or is longer than 255 characters */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The order timeline
     * @description The order’s timeline, oldest first: submission, review, carrier answers, FOC dates, activation, fees, completion. Any key: customers see their own account only; support and ops see every account.
     *
     *     **Try it out with** any order of yours, e.g. a draft just created with the `POST /v1/port-in-orders` example.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description transitions in order */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description the items */
              data: components['schemas']['OrderEvent'][];
            };
          };
        };
        /** @description the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/loa': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The order’s letter of authorization as a PDF, filled in from the order (the toll-free template for toll-free numbers); the account number in full for the account’s customer only (staff: masked)
     * @description The order’s letter of authorization as a PDF, filled in from the order: authorized person or business, service address, losing carrier, account number, BTN and the numbers in a table; toll-free numbers get the toll-free (RespOrg) template (docs/rules.md §4). The account number is written in full only for the account’s own customer key (the carrier matches it), masked for staff; the answer is `no-store`. Customer keys (own account only: another account’s order is a `404`) and support keys.
     *
     *     **Try it out with** any order of yours, e.g. a draft just created with the `POST /v1/port-in-orders` example.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the LOA (`Cache-Control: no-store`) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
          };
        };
        /** @description the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/loa/signature-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Email the authorized person a single-use link (72 h) to sign the draft’s LOA online (`/loa-signing/…`, a plain HTML page); the signed PDF, with its signature block and audit trail, becomes the order’s LOA document
     * @description Emails the authorized person a single-use link, valid 72 h, to a signing page that shows the letter; signing (typed full name and consent) stores the signed PDF with its signature block and audit trail as the draft’s LOA document, which submit counts like an upload. A signer other than the authorized person is refused with submit’s `loa_signer_mismatch`. Customer keys (own account only: another account’s order is a `404`) and support keys.
     *
     *     **Try it out with** any order of yours, e.g. a draft just created with the `POST /v1/port-in-orders` example.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description a retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`); an empty value counts as none */
          'Idempotency-Key'?: string;
        };
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /**
             * Format: email
             * @description where the authorized person reads the link; default: the order’s notification email
             */
            email?: string;
          };
        };
      };
      responses: {
        /** @description the link is on its way (the link itself is only in the email) */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['LoaSignatureRequest'];
          };
        };
        /** @description the body is not valid JSON, or nests deeper than any request of this API; or the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the order is no longer a draft (`not_a_draft`); or a request with this Idempotency-Key is still being processed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem; or this Idempotency-Key was used with another body, or is longer than 255 characters */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The order’s comment thread, oldest first (customers never see internal notes)
     * @description The order’s comment thread between the customer and support, oldest first; customers never see support’s internal notes. Any key: customers see their own account only; support and ops see every account.
     *
     *     **Try it out with** a submitted order in staff review (`status: in_review`).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the comments */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description the items */
              data: components['schemas']['Comment'][];
            };
          };
        };
        /** @description the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Comment on a submitted order: on its timeline, and the other side is told once (support’s comment: email and `port_in_order.comment_added` webhook; the customer’s: an ops alert). Support may write internal notes (`internal: true`), told to no one.
     * @description Adds a comment to a submitted order’s thread and timeline; the other side is told once (support’s comment: an email and a webhook event; the customer’s: an ops alert). Support may write an internal note (`internal: true`) that no one is told of. A draft is `409 not_submitted`, a finished order `409 order_closed`. Customer keys (own account only: another account’s order is a `404`) and support keys.
     *
     *     **Try it out with** a submitted order in staff review (`status: in_review`).
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description a retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`); an empty value counts as none */
          'Idempotency-Key'?: string;
        };
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /** @description the comment’s text */
            body: string;
            /** @description support only: an internal note, which customers never see and no one is told of */
            internal?: boolean;
          };
        };
      };
      responses: {
        /** @description the stored comment */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Comment'];
          };
        };
        /** @description the body is not valid JSON, or nests deeper than any request of this API; or the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the key’s role may not comment, or a customer asked for an internal note */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the order is still a draft (`not_submitted`) or has finished (`order_closed`); or a request with this Idempotency-Key is still being processed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem; or this Idempotency-Key was used with another body, or is longer than 255 characters */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/cancellation-quote': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Fee per number and who may cancel or change the date now
     * @description What cancelling (or changing the port date of) the order’s numbers would cost now, per number, and whether the caller may: customers until 72 h before the activation instant, support until it (docs/rules.md §12). Changes nothing. Customer keys (own account only: another account’s order is a `404`) and support keys.
     *
     *     **Try it out with** an approved order sent to the carrier (`status: in_progress`, its numbers `submitted_to_carrier`).
     */
    get: {
      parameters: {
        query?: {
          /** @description comma-separated E.164 numbers of the order (default: every open number) */
          phoneNumbers?: string;
        };
        header?: never;
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the quote */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChangeQuote'];
          };
        };
        /** @description invalid query parameters; `errors` names each parameter; or the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel all or some numbers
     * @description Cancels some or all of the order’s numbers and answers the fee charged per number: $0 in review, $13 before the FOC or 72 h or more before it, then $98 and $520 for support inside 48 and 24 h (docs/rules.md §12). A customer inside 72 h gets `409 customer_inside_72h`; an activated or finished number `409 number_closed`; a draft is deleted instead (`409 not_submitted`). A rejected number awaiting resubmission can be given up free. Customer keys (own account only: another account’s order is a `404`) and support keys.
     *
     *     **Try it out with** an approved order sent to the carrier (`status: in_progress`, its numbers `submitted_to_carrier`).
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description a retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`); an empty value counts as none */
          'Idempotency-Key'?: string;
        };
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /** @description E.164 numbers of the order; none means every number the change still applies to */
            phoneNumbers?: string[];
          };
        };
      };
      responses: {
        /** @description fees charged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FeeResult'];
          };
        };
        /** @description the body is not valid JSON, or nests deeper than any request of this API; or the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description refused in the current state; `code` says why; or a request with this Idempotency-Key is still being processed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem; or this Idempotency-Key was used with another body, or is longer than 255 characters */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/port-date': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Change the port date ("supp")
     * @description Asks for another port date ("supp") once the carrier granted an FOC date: same windows and fees as a cancellation (docs/rules.md §12). Numbers already at the carrier are changed there first; if the carrier refuses, nothing changes and nothing is charged (`409 carrier_refused`). Answers the new FOC date and the fees. Customer keys (own account only: another account’s order is a `404`) and support keys.
     *
     *     **Try it out with** an order whose carrier granted an FOC date 72 h or more away (numbers `accepted`).
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description a retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`); an empty value counts as none */
          'Idempotency-Key'?: string;
        };
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /** @description YYYY-MM-DD: a business day in the future, not before an FOC date the carrier already granted (`invalid_port_date`; docs/rules.md §12) */
            portDate: string;
            /** @description E.164 numbers of the order; none means every number the change still applies to */
            phoneNumbers?: string[];
          };
        };
      };
      responses: {
        /** @description the new FOC date and fees */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PortDateResult'];
          };
        };
        /** @description the body is not valid JSON, or nests deeper than any request of this API; or the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description refused in the current state; `code` says why; or a request with this Idempotency-Key is still being processed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem; or this Idempotency-Key was used with another body, or is longer than 255 characters */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/resubmit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resubmit rejected numbers with corrections
     * @description Sends rejected numbers to the carrier again, inside their 30-day window, with the corrections the rejection asked for (docs/rules.md §8); no new staff review. `unportable` rejections are final (`409 not_resubmittable`); a number not in the order is `409 unknown_number`. Corrections are checked by submit’s own rules (`422 invalid_btn_format`, `authorized_name_missing`). One resubmission of an order at a time: another at the same instant is `409 concurrent_change`. A refused resubmission changes nothing stored. Customer keys (own account only: another account’s order is a `404`) and support keys.
     *
     *     **Try it out with** an order with a number rejected inside its 30-day resubmission window (numbers `rejected`).
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description a retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`); an empty value counts as none */
          'Idempotency-Key'?: string;
        };
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /** @description rejected E.164 numbers of the order to resubmit; none means every resubmittable one */
            phoneNumbers?: string[];
            /**
             * @description what the rejection asked to fix, written into the order once the workflow accepts the resubmission (docs/rules.md §8)
             * @default {}
             */
            corrections?: {
              /** @description the corrected losing-carrier account number (encrypted at rest) */
              accountNumber?: string;
              /** @description the corrected port-out PIN (encrypted at rest) */
              pin?: string;
              /** @description the corrected billing telephone number */
              btn?: string;
              /** @description the corrected account holder, as on the carrier’s CSR */
              authorizedPerson?: {
                /** @description corrected given name */
                firstName?: string;
                /** @description corrected family name */
                lastName?: string;
                /** @description corrected business name */
                businessName?: string;
              };
            };
          };
        };
      };
      responses: {
        /** @description resubmitted: the numbers and their attempt */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description E.164 numbers */
              phoneNumbers: string[];
              /** @description carrier submissions so far: 1, plus one per resubmission (docs/rules.md §8) */
              attempt: number;
              order: components['schemas']['PortInOrder'];
            };
          };
        };
        /** @description the body is not valid JSON, or nests deeper than any request of this API; or the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description refused in the current state; `code` says why; or a request with this Idempotency-Key is still being processed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem; or this Idempotency-Key was used with another body, or is longer than 255 characters */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve or reject (support)
     * @description Support approves a submitted order (it goes to the losing carrier) or rejects it with a carrier rejection code, which opens the same resubmission window (docs/rules.md §7, §8). A second decision is `409 wrong_state`. Support keys only (`demo-support-key`).
     *
     *     **Try it out with** a submitted order in staff review (`status: in_review`).
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description a retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`); an empty value counts as none */
          'Idempotency-Key'?: string;
        };
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json':
            | {
                /**
                 * @description the order goes to the losing carrier
                 * @enum {string}
                 */
                decision: 'approve';
                /** @description for the order’s timeline (staff only) */
                note?: string;
              }
            | {
                /**
                 * @description the numbers are rejected as a carrier would, with the same resubmission window
                 * @enum {string}
                 */
                decision: 'reject';
                /**
                 * @description one of the carrier rejection codes; the customer’s email quotes its remedy (docs/rules.md §8)
                 * @enum {string}
                 */
                reasonCode:
                  | 'unsatisfactory_business_relationship'
                  | 'data_mismatch'
                  | 'name_mismatch'
                  | 'address_mismatch'
                  | 'number_inactive'
                  | 'unauthorized_contact'
                  | 'wrong_wireless_pin'
                  | 'incorrect_account_number'
                  | 'invalid_btn'
                  | 'unportable'
                  | 'resold_account'
                  | 'pending_service_request'
                  | 'incorrect_service_account_number';
                /** @description for the order’s timeline (staff only) */
                note?: string;
              };
        };
      };
      responses: {
        /** @description decided */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description the staff review: pending, escalated (24 h SLA missed), approved or rejected (docs/rules.md §7)
               * @enum {string}
               */
              review: 'pending' | 'escalated' | 'approved' | 'rejected';
              order: components['schemas']['PortInOrder'];
            };
          };
        };
        /** @description the body is not valid JSON, or nests deeper than any request of this API; or the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description refused in the current state; `code` says why; or a request with this Idempotency-Key is still being processed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem; or this Idempotency-Key was used with another body, or is longer than 255 characters */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/review-queue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Orders waiting for staff review, oldest first, with the review deadline (support, ops)
     * @description Submitted orders still waiting for the staff review, oldest submission first, each with the moment the 24 h review promise runs out (`reviewDueAt`), whether it was escalated, and its NeedsAttention flag (docs/rules.md §7). Decide each with `POST /v1/port-in-orders/{id}/review`. Support and ops keys (ops read-only); customers get a `403`.
     */
    get: {
      parameters: {
        query?: {
          /** @description the `nextCursor` of the previous page (opaque) */
          cursor?: string;
          /** @description page size, 1 to 100 (default 25) */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page of the queue */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description the items */
              data: components['schemas']['ReviewQueueItem'][];
              /** @description pass as `cursor` (with the same filters) for the next page; null on the last. A filtered page reads a bounded part of the list, so it may hold fewer items than `limit` (even none) and still have one */
              nextCursor: string | null;
            };
          };
        };
        /** @description invalid query parameters; `errors` names each parameter */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/workflow': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The order’s workflow and its page in the Temporal UI (support, ops)
     * @description Where the order’s workflow is: its id (`port-in-order-<orderId>`), the namespace, and its page in the Temporal UI (the first of `CODEC_CORS_ORIGINS`, the UI the codec endpoint serves; null when none is configured). A draft has no workflow: `409 not_submitted`. Support and ops keys; customers get a `403`.
     *
     *     **Try it out with** a submitted order in staff review (`status: in_review`).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the order’s id (`pio_` and 20 hex characters), as answered by `POST /v1/port-in-orders`; the operation’s description (and `x-order-status`) says which state the order must be in */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the workflow */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['OrderWorkflow'];
          };
        };
        /** @description the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description a draft has no workflow yet (`not_submitted`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who this API key is: role and account (the console asks it at sign-in)
     * @description The caller as its API key identifies it: role (customer, support, ops), the customer’s account, the key’s name. The web console (`/console/`) asks it at sign-in to show the pages of the role. Any key: customers see their own account only; support and ops see every account.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the caller */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Me'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/active-numbers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Completed numbers with their configuration, by number (cursor pagination)
     * @description Numbers ported in and completed (every requested capability works; docs/rules.md §6, §11), with their configuration, by number; paginated by cursor. Any key: customers see their own account only; support and ops see every account.
     */
    get: {
      parameters: {
        query?: {
          /** @description support and ops: one account only */
          accountId?: string;
          /** @description the `nextCursor` of the previous page (opaque); send the same filters with it */
          cursor?: string;
          /** @description page size, 1 to 500 (default 100) */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page of active numbers */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description the items */
              data: components['schemas']['ActiveNumber'][];
              /** @description pass as `cursor` (with the same filters) for the next page; null on the last. A filtered page reads a bounded part of the list, so it may hold fewer items than `limit` (even none) and still have one */
              nextCursor: string | null;
            };
          };
        };
        /** @description invalid query parameters; `errors` names each parameter */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-endpoint': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Register the account webhook URL; answers the signing secret once
     * @description Registers the account’s webhook URL and answers its signing secret, once. The URL must reach the public internet: loopback, private, link-local and metadata addresses are a `422` (here and at each delivery), as is a host that does not resolve (`dns_failure`). Customer keys set their own account’s; support names `accountId` (docs/rules.md §13).
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /**
             * Format: uri
             * @description where events are POSTed. Its host must resolve to public addresses only: loopback, private, link-local, unique-local, CGNAT, multicast, reserved and cloud metadata addresses are refused (422, here and again at each delivery). https only in production.
             */
            url: string;
            /** @description the customer account (`acct_…`) */
            accountId?: string;
          };
        };
      };
      responses: {
        /** @description registered */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description the endpoint events are POSTed to */
              url: string;
              /** @description the Standard Webhooks signing secret (`whsec_…`): shown this once, store it now */
              secret: string;
            };
          };
        };
        /** @description the body is not valid JSON, or nests deeper than any request of this API */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description no such account */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    /**
     * Remove the account webhook
     * @description Removes the account’s webhook endpoint; emails continue. Customer keys remove their own; support names `accountId`.
     */
    delete: {
      parameters: {
        query?: {
          /** @description support and ops: one account only */
          accountId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description removed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description invalid query parameters; `errors` names each parameter */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description support did not name the `accountId` */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Webhook delivery log (status, attempts, last error), newest first (cursor pagination)
     * @description Every webhook event sent, newest first, with its attempts and the last error as `<class>: <detail>` (never the receiver’s body); paginated by cursor. Any key: customers see their own account only; support and ops see every account.
     */
    get: {
      parameters: {
        query?: {
          /** @description deliveries of this order only */
          orderId?: string;
          /** @description support and ops: one account only */
          accountId?: string;
          /** @description the `nextCursor` of the previous page (opaque); send the same filters with it */
          cursor?: string;
          /** @description page size, 1 to 100 (default 100) */
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description a page of deliveries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description the items */
              data: components['schemas']['WebhookDelivery'][];
              /** @description pass as `cursor` (with the same filters) for the next page; null on the last. A filtered page reads a bounded part of the list, so it may hold fewer items than `limit` (even none) and still have one */
              nextCursor: string | null;
            };
          };
        };
        /** @description invalid query parameters; `errors` names each parameter */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/webhook-deliveries/{id}/republish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Deliver an event again, with its original id and body
     * @description Delivers an event again to the account’s current endpoint, with its original `webhook-id` and body (receivers de-duplicate on it). `{id}` is the `id` of an entry of `GET /v1/webhook-deliveries`. Customer keys (own account only: another account’s order is a `404`) and support keys.
     */
    post: {
      parameters: {
        query?: never;
        header?: {
          /** @description a retry with the same key and body gets the first answer again (`Idempotent-Replayed: true`); an empty value counts as none */
          'Idempotency-Key'?: string;
        };
        path: {
          /** @description the delivery’s `id`, from `GET /v1/webhook-deliveries` */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description delivered */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description identifier, as the API issued it */
              id: string;
              /** @description whether the endpoint answered 2xx */
              ok: boolean;
              /** @description HTTP status the endpoint answered */
              statusCode?: number;
              /** @description why it failed, as `<class>: <detail>` */
              error?: string;
            };
          };
        };
        /** @description the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the API key’s role may not do this */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the account has no webhook endpoint; or a request with this Idempotency-Key is still being processed */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description this Idempotency-Key was used with another body, or is longer than 255 characters */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the endpoint did not accept it */
        502: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description identifier, as the API issued it */
              id: string;
              /** @description whether the endpoint answered 2xx */
              ok: boolean;
              /** @description HTTP status the endpoint answered */
              statusCode?: number;
              /** @description why it failed, as `<class>: <detail>` */
              error?: string;
            };
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/carrier/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Carrier events (Standard Webhooks signature)
     * @description The losing carrier answers here, never with an API key: the body is signed with the carrier’s secret (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`), so Swagger UI cannot send it; the carrier simulator does. Each event becomes a signal to the order’s workflow, applied once per `webhook-id` (docs/rules.md §8, §9).
     */
    post: {
      parameters: {
        query?: never;
        header: {
          /** @description unique per event; a repeated id is answered `duplicate` */
          'webhook-id': string;
          /** @description Unix seconds; refused when more than 5 minutes off */
          'webhook-timestamp': string;
          /** @description `v1,<base64 HMAC-SHA256>` (several separated by spaces) */
          'webhook-signature': string;
        };
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': {
            /**
             * @description what the carrier decided: accepted (with `focDate`), rejected (with `reasonCode`), FOC moved, canceled (no fee), or port confirmed (docs/rules.md §8, §9)
             * @enum {string}
             */
            type:
              | 'number.accepted'
              | 'number.rejected'
              | 'number.foc_changed'
              | 'number.canceled'
              | 'number.ported';
            /** @description the order the carrier’s port request belongs to */
            orderId: string;
            /** @description E.164 numbers of the order the event is about */
            phoneNumbers: string[];
            /** @description YYYY-MM-DD, with `number.accepted` and `number.foc_changed`: the granted FOC date */
            focDate?: string;
            /**
             * @description with `number.rejected`: why (docs/rules.md §8)
             * @enum {string}
             */
            reasonCode?:
              | 'unsatisfactory_business_relationship'
              | 'data_mismatch'
              | 'name_mismatch'
              | 'address_mismatch'
              | 'number_inactive'
              | 'unauthorized_contact'
              | 'wrong_wireless_pin'
              | 'incorrect_account_number'
              | 'invalid_btn'
              | 'unportable'
              | 'resold_account'
              | 'pending_service_request'
              | 'incorrect_service_account_number';
            /** @description RFC 3339 date-time the carrier decided; an event older than the number’s current submission answers an earlier attempt and is ignored */
            occurredAt: string;
          };
        };
      };
      responses: {
        /** @description duplicate webhook-id, ignored */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description this `webhook-id` was applied before
               * @enum {string}
               */
              status: 'duplicate';
            };
          };
        };
        /** @description accepted */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /**
               * @description signalled to the order’s workflow
               * @enum {string}
               */
              status: 'accepted';
            };
          };
        };
        /** @description the body is not JSON; or the body is not valid JSON, or nests deeper than any request of this API */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing, invalid or stale signature */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description no such order */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the order has finished (`order_closed`) or was never submitted (`order_not_submitted`) */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description invalid request; `errors` lists every problem */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/requirements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What submit still needs: each requirement met, missing or invalid, and why
     * @description Every requirement of docs/rules.md sections 1-5, for the order and for each number, judged exactly as `POST …/submit` would judge it now by the same code: submit succeeds when `submittable` is true and otherwise refuses with these `problems`. Any key; customers see their own account’s orders only.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the order’s id (`pio_…`) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the checklist */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Requirements'];
          };
        };
        /** @description the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/port-date-options': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The port dates that may be asked for now, with the fee a change would cost
     * @description Business days of the order’s country (weekends and public holidays left out, docs/rules.md §10) up to 60 days ahead: on a draft from the carrier’s lead time of 3 business days; once submitted, the dates `POST …/port-date` accepts (not before a granted FOC), each with the fee that change would cost if requested now (the quote of `GET …/cancellation-quote`, docs/rules.md §12). The same rule as intake and the change itself. Customer and support keys.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the order’s id (`pio_…`) */
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the dates */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PortDateOptions'];
          };
        };
        /** @description the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the key’s role may not ask (ops) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not found (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/port-in-orders/{id}/documents/{documentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download one document, as stored
     * @description The stored bytes with their sniffed content type, `Content-Disposition: attachment` with a name made from the document id, and the SHA-256 as `ETag`. A document id of another order is a `404`. Customer keys (own account) and support keys.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          /** @description the order’s id (`pio_…`) */
          id: string;
          /** @description the document’s `id` */
          documentId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description the document */
        200: {
          headers: {
            'Content-Disposition': string;
            /** @description the SHA-256 of the bytes, quoted */
            ETag: string;
            [name: string]: unknown;
          };
          content: {
            'application/pdf': string;
            'image/png': string;
            'image/jpeg': string;
          };
        };
        /** @description the path has an invalid percent-encoding (`malformed_path`) */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the key’s role may not read documents (ops) */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description no such order or document (or not yours) */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description too many requests for this API key; retry after `Retry-After` */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/codec/decode': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Temporal codec server: decode payloads (Temporal UI and CLI; ops and support keys)
     * @description Decrypts Temporal payloads for the Temporal UI and CLI (the codec-server protocol). Payloads hold customers’ numbers and sealed secrets: ops and support keys only (`demo-ops-key`). A payload that is not encrypted comes back as it was.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['Payloads'];
        };
      };
      responses: {
        /** @description the decoded payloads, in the same order */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Payloads'];
          };
        };
        /** @description the body is not valid JSON, or nests deeper than any request of this API */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not an ops or support key */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description malformed payloads, or one that cannot be decrypted (unknown key id, altered); or invalid request; `errors` lists every problem */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/codec/encode': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Temporal codec server: encode payloads (Temporal UI and CLI; ops and support keys)
     * @description Encrypts payloads as the services do, for the Temporal CLI (e.g. a signal’s argument). Ops and support keys only (`demo-ops-key`).
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['Payloads'];
        };
      };
      responses: {
        /** @description the encoded payloads, in the same order */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Payloads'];
          };
        };
        /** @description the body is not valid JSON, or nests deeper than any request of this API */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description missing or unknown API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description not an ops or support key */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is larger than this endpoint accepts */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description the body is not `application/json`, or not UTF-8 */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description malformed payloads, or one that cannot be decrypted (unknown key id, altered); or invalid request; `errors` lists every problem */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Temporal or the store is unavailable; retry after `Retry-After` */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    /** @description whether each dependency answers */
    Readiness: {
      /**
       * @description the store (MongoDB/FerretDB) is reachable
       * @enum {string}
       */
      store: 'ok' | 'down';
      /**
       * @description the Temporal frontend is reachable
       * @enum {string}
       */
      temporal: 'ok' | 'down';
    };
    /** @description one verdict per number checked (docs/rules.md §2) */
    PortabilityCheckResult: {
      /** @description one verdict per number sent, in the same order */
      data: {
        /** @description the number as it was sent */
        input: string;
        /** @description E.164, when the input is a valid number */
        phoneNumber?: string;
        /** @description the number’s country (ISO 3166-1 alpha-2) */
        country?: string;
        /**
         * @description from the carrier’s look-up; a wireless number needs the port PIN (docs/rules.md §3)
         * @enum {string}
         */
        lineType?: 'landline' | 'wireless' | 'voip' | 'toll_free';
        /** @description the carrier the number would leave */
        losingCarrier?: string;
        /** @description whether an order for this number can be submitted now */
        portable: boolean;
        /**
         * @description the first of `reasons`
         * @enum {string}
         */
        reason?:
          | 'invalid_phone_number'
          | 'country_not_portable'
          | 'country_mismatch'
          | 'already_active'
          | 'in_open_order'
          | 'unportable_at_carrier';
        /** @description every reason the number cannot be ported */
        reasons?: {
          /**
           * @description why not (docs/rules.md §2)
           * @enum {string}
           */
          code:
            | 'invalid_phone_number'
            | 'country_not_portable'
            | 'country_mismatch'
            | 'already_active'
            | 'in_open_order'
            | 'unportable_at_carrier';
          /** @description the same, for a person, with what to do instead */
          message: string;
        }[];
        /** @description the open order holding the number, when the caller may see it */
        openOrderId?: string;
      }[];
    };
    /** @description RFC 9457 problem details; routes may add extension members */
    Problem: {
      /** @description a URI naming the problem type */
      type: string;
      /** @description a short human-readable summary */
      title: string;
      /** @description the HTTP status code */
      status: number;
      /** @description stable machine-readable code */
      code: string;
      /** @description every problem of the request, each with the field at fault */
      errors?: {
        /** @description the problem’s stable code, as in docs/rules.md */
        code: string;
        /** @description the request field at fault, as a dotted path (`serviceAddress.postalCode`, `numbers.0`) */
        field?: string;
        /** @description what is wrong, for a person */
        message: string;
      }[];
    };
    /** @description a stored document of the order (docs/rules.md §4) */
    OrderDocument: {
      /**
       * @description `loa`: the signed letter of authorization (every number needs one); `bill`, `csr` or (VoIP numbers only) `account_screenshot`: proof of ownership (docs/rules.md §4)
       * @enum {string}
       */
      kind: 'loa' | 'bill' | 'csr' | 'account_screenshot';
      /**
       * @description the numbers of the order the document covers (comma-separated in a form); none means every number (`document_number_not_in_order`; docs/rules.md §4)
       * @default []
       */
      phoneNumbers: string[];
      /** @description bills only, required: the printed issue date, YYYY-MM-DD, at most 30 days before today in the order’s zone (`bill_date_missing`, `bill_too_old`; docs/rules.md §4) */
      issuedOn?: string;
      /**
       * @description LOAs only: `standard` for local numbers, `toll_free` for toll-free ones (`loa_wrong_template`; docs/rules.md §4)
       * @enum {string}
       */
      loaTemplate?: 'standard' | 'toll_free';
      /** @description LOAs only: who signed; must be the authorized person (compared loosely; `loa_signer_mismatch`; docs/rules.md §4) */
      signerName?: string;
      /** @description the document’s id (stored in GridFS) */
      id: string;
      /**
       * @description the media type judged from the content (not the file name)
       * @enum {string}
       */
      contentType: 'application/pdf' | 'image/png' | 'image/jpeg';
      /** @description SHA-256 of the stored bytes, hex */
      sha256: string;
      /** @description bytes */
      size: number;
      /** @description when it was uploaded (RFC 3339); absent on documents stored before it was kept */
      uploadedAt?: string;
      /** @description an LOA signed online: its audit trail (also printed in the PDF) */
      signature?: {
        /** @description the full name the signer typed */
        name: string;
        /** @description when it was signed (RFC 3339) */
        signedAt: string;
        /** @description the signer’s IP address */
        ip: string;
        /** @description the signer’s browser (User-Agent) */
        userAgent: string;
        /** @description SHA-256 of the unsigned letter the signer was shown */
        documentSha256: string;
        /** @description the signature request whose link was used */
        requestId: string;
      };
    };
    /** @description one number of a submitted order: its status, FOC date, activation, attempt, rejection or cancellation (docs/rules.md §6) */
    PortInNumber: {
      /** @description E.164, e.g. `+13475550101` */
      phoneNumber: string;
      /**
       * @description the number’s own status (docs/rules.md §6)
       * @enum {string}
       */
      status:
        | 'in_review'
        | 'submitted_to_carrier'
        | 'accepted'
        | 'ported_sms_inactive'
        | 'ported_voice_inactive'
        | 'ported_sms_voice_inactive'
        | 'rejected'
        | 'canceled'
        | 'completed';
      /**
       * Format: date
       * @description the firm order commitment date the carrier granted, YYYY-MM-DD (docs/rules.md §9)
       */
      focDate?: string;
      /**
       * Format: date-time
       * @description RFC 3339 instant of activation: 00:00 of the FOC date in the order’s zone (docs/rules.md §9)
       */
      activationAt?: string;
      /** @description whether the number was added to the account at its activation instant (docs/rules.md §9) */
      activated: boolean;
      /** @description whether the carrier confirmed the port; once it has (even before the activation instant) the number can no longer be canceled or moved (docs/rules.md §11, §12) */
      ported: boolean;
      /** @description carrier submissions so far (resubmissions add one) */
      attempt: number;
      /** @description why the number was rejected, and until when it may be resubmitted (docs/rules.md §8) */
      rejection?: {
        /**
         * @description the rejection reason code (docs/rules.md §8)
         * @enum {string}
         */
        code:
          | 'unsatisfactory_business_relationship'
          | 'data_mismatch'
          | 'name_mismatch'
          | 'address_mismatch'
          | 'number_inactive'
          | 'unauthorized_contact'
          | 'wrong_wireless_pin'
          | 'incorrect_account_number'
          | 'invalid_btn'
          | 'unportable'
          | 'resold_account'
          | 'pending_service_request'
          | 'incorrect_service_account_number';
        /**
         * Format: date-time
         * @description RFC 3339 end of the 30-day resubmission window; absent when the rejection is final (docs/rules.md §8)
         */
        resubmitBy?: string;
      };
      /** @description who canceled the number and the fee charged (docs/rules.md §12) */
      cancellation?: {
        /** @description who did it: `customer`, `support` or `carrier` */
        by: string;
        /** @description fee in US cents (docs/rules.md §12) */
        feeCents: number;
      };
      /** @description the carrier refused the number’s last submission without a rejection reason: it is held in review for support to correct and resubmit, or to cancel (free) */
      submissionRefusal?: {
        /** @description the carrier’s code, which is no rejection reason */
        code: string;
        /** @description the carrier’s words */
        message?: string;
      };
      /** @description what the caller may do to this number now, by the rules the actions apply (docs/rules.md §5.4, §6; the workflow still decides when asked): `cancel` (`POST …/cancel`: customers until 72 h before the port, support until the activation; a rejected number awaiting its resubmission may be given up, free), `change_port_date` (`POST …/port-date`: the same windows, never a rejected number), `resubmit` (`POST …/resubmit`: rejected inside its resubmission window, or held after a carrier refusal), `configure` (`PUT …/configuration`: until a number of the order is activated, while the order is open). Empty for ops, who read only. Computed at the instant of the answer: a window may close a moment later */
      actions: ('cancel' | 'change_port_date' | 'resubmit' | 'configure')[];
    };
    /** @description a port-in order: one losing-carrier account’s numbers moving to us, from draft to a terminal status (docs/rules.md §6) */
    PortInOrder: {
      /** @description the order’s id (`pio_` and 20 hex characters); its workflow is `port-in-order-<id>` */
      id: string;
      /** @description the customer account (`acct_…`) */
      accountId: string;
      /**
       * @description derived from the numbers’ statuses: draft, in_review, in_progress, then completed, rejected or canceled (docs/rules.md §6)
       * @enum {string}
       */
      status: 'draft' | 'in_review' | 'in_progress' | 'completed' | 'rejected' | 'canceled';
      /** @description your own reference, as given at create */
      customerReference?: string;
      /**
       * @description the order’s country (ISO 3166-1 alpha-2): every number and the service address are in it (docs/rules.md §2)
       * @enum {string}
       */
      country: 'US' | 'CA' | 'AU';
      /** @description IANA zone of the service address */
      timeZone: string;
      /**
       * @description the staff review: pending, escalated (24 h SLA missed), approved or rejected (docs/rules.md §7)
       * @enum {string}
       */
      review?: 'pending' | 'escalated' | 'approved' | 'rejected';
      /** @description a person must act (escalated review, carrier silence, port overdue, failing capability; docs/rules.md §14) */
      needsAttention: boolean;
      /** @description what the order waits for now, each with its deadline when it has one */
      waitingFor: {
        /** @description the awaited event, in words */
        what: string;
        /**
         * Format: date-time
         * @description RFC 3339 deadline of the wait
         */
        until?: string;
      }[];
      /**
       * Format: date-time
       * @description while the order waits for its staff review: when the 24 h review promise runs out (RFC 3339; in the past once `review` is `escalated`). Absent once the review is decided
       */
      reviewDueAt?: string;
      /** @description who holds the account at the losing carrier: a first and last name, or a business name (`authorized_name_missing`); the LOA is signed by this person (docs/rules.md §3, §4) */
      authorizedPerson: {
        /** @description given name, as on the carrier account */
        firstName?: string;
        /** @description family name, as on the carrier account */
        lastName?: string;
        /** @description the business holding the carrier account, when it is a business */
        businessName?: string;
      };
      /** @description where the numbers are in service, as the losing carrier has it on file (never a PO box; docs/rules.md §3) */
      serviceAddress: {
        /** @description street line: number and street. A post office box is refused at submit (`po_box_not_allowed`; docs/rules.md §3) */
        line1: string;
        /** @description apartment, suite or floor */
        line2?: string;
        /** @description city or locality */
        city: string;
        /** @description state, province or territory of the country, as a code (`NY`, `QC`, `NSW`) or its full name; it sets the order’s time zone unless `timeZone` overrides it (`invalid_region`; docs/rules.md §3, §9) */
        region: string;
        /** @description in the country’s format: US ZIP or ZIP+4, Canadian `A1A 1A1`, Australian four digits (`invalid_postal_code`; docs/rules.md §3) */
        postalCode: string;
        /**
         * @description ISO 3166-1 alpha-2; must be the order’s country (docs/rules.md §2)
         * @enum {string}
         */
        country: 'US' | 'CA' | 'AU';
      };
      /** @description the account the numbers leave; the account number and PIN masked (docs/rules.md §3) */
      losingCarrier: {
        /** @description the carrier the numbers leave: as the draft names it, and once submitted the one the order was submitted to (the carrier’s look-up of the numbers first, else the name given) */
        name?: string;
        /** @description `false` when the carrier has no account numbers */
        usesAccountNumber?: boolean;
        /** @description masked: the last four characters only */
        accountNumber?: string;
        /** @description masked: the last four characters only */
        pin?: string;
        /** @description billing telephone number, E.164 */
        btn?: string;
      };
      /** @description every email about the order goes here (docs/rules.md §13) */
      notificationEmail: string;
      /** @description the port date asked for, YYYY-MM-DD; the carrier may grant a later FOC (docs/rules.md §5) */
      requestedPortDate?: string;
      /** @description how the numbers are set up on our side; applied at activation, at 00:00 of the FOC date in the order’s zone (docs/rules.md §5, §9) */
      configuration: {
        /**
         * @description what the numbers must do once ported; tested before the order completes. `sms` alone is refused at submit (`sms_only_not_portable`: use hosted messaging; docs/rules.md §5, §11)
         * @enum {string}
         */
        capabilities: 'voice' | 'voice+sms' | 'sms';
        /** @description a name for the numbers in your account (free text) */
        alias?: string;
        /** @description the subaccount the numbers are added to */
        subaccountId?: string;
        /** @description caller-ID name: at most 15 ASCII letters, digits, spaces and `. , ' - & !`, at least one letter or digit (`invalid_cnam`; docs/rules.md §5) */
        cnam?: string;
        /** @description the application that answers the numbers (`invalid_application`; docs/rules.md §5) */
        application?: {
          /**
           * @description the kind of application answering calls
           * @enum {string}
           */
          type: 'xml_app' | 'phlo';
          /** @description the application’s id in your account */
          id: string;
        };
      };
      /** @description the uploaded documents: LOAs and proofs of ownership (docs/rules.md §4) */
      documents: components['schemas']['OrderDocument'][];
      /** @description every number of the order in E.164, drafts included; `numbers` has their statuses once submitted */
      phoneNumbers: string[];
      /** @description each submitted number with its status, FOC date and activation; empty for a draft (docs/rules.md §6) */
      numbers: components['schemas']['PortInNumber'][];
      /** @description every fee charged on the order, one per number and change (docs/rules.md §12) */
      fees: {
        /** @description E.164, e.g. `+13475550101` */
        phoneNumber: string;
        /** @description fee in US cents (docs/rules.md §12) */
        feeCents: number;
        /** @description why the fee was charged: `cancellation` or `port_date_change`, or a port’s one-time charge: `international_port`, `after_hours_port` */
        reason: string;
        /**
         * Format: date-time
         * @description RFC 3339 date-time it happened (UTC)
         */
        at: string;
      }[];
      /** @description the sum of `fees`, in US cents */
      totalFeesCents: number;
      /** @description the customer asked for the port outside business hours: an extra fee per number (docs/rules.md §1) */
      afterHoursPort: boolean;
      /** @description support’s quote of the one-time charge per number of a port outside the US and Canada, US cents (docs/rules.md §1) */
      quotedPortingChargeCents?: number;
      /** @description the one-time charges the order carries, per number and kind: shown on the draft, fixed at submit, and recorded in `fees` when each number is ported (docs/rules.md §1) */
      portingCharges: {
        /** @description E.164, e.g. `+13475550101` */
        phoneNumber: string;
        /**
         * @description `international_port` (a port outside the US and Canada) or `after_hours_port` (outside business hours)
         * @enum {string}
         */
        kind: 'international_port' | 'after_hours_port';
        /** @description the charge in US cents (docs/rules.md §1) */
        feeCents: number;
      }[];
      /**
       * Format: date-time
       * @description RFC 3339 date-time the order was submitted (UTC)
       */
      submittedAt?: string;
      /**
       * Format: date-time
       * @description RFC 3339 date-time the record was created (UTC)
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description RFC 3339 date-time of the last change (UTC)
       */
      updatedAt: string;
    };
    /** @description a document accepted but flagged: the problem submit would report about it */
    UploadWarning: {
      /** @description stable machine-readable code */
      code: string;
      /** @description the request field at fault, as a dotted path (`serviceAddress.postalCode`, `numbers.0`) */
      field: string;
      /** @description what is wrong, for a person */
      message: string;
    };
    /** @description the order as submitted, with the warnings that do not block it */
    SubmittedOrder: {
      /** @description the order’s id (`pio_` and 20 hex characters); its workflow is `port-in-order-<id>` */
      id: string;
      /** @description the customer account (`acct_…`) */
      accountId: string;
      /**
       * @description derived from the numbers’ statuses (docs/rules.md §6)
       * @enum {string}
       */
      status: 'draft' | 'in_review' | 'in_progress' | 'completed' | 'rejected' | 'canceled';
      /** @description your own reference, as given at create */
      customerReference?: string;
      /**
       * @description the order’s country (ISO 3166-1 alpha-2): every number and the service address are in it (docs/rules.md §2)
       * @enum {string}
       */
      country: 'US' | 'CA' | 'AU';
      /** @description IANA zone of the service address */
      timeZone: string;
      /**
       * @description the staff review: pending, escalated (24 h SLA missed), approved or rejected (docs/rules.md §7)
       * @enum {string}
       */
      review?: 'pending' | 'escalated' | 'approved' | 'rejected';
      /** @description a person must act (escalated review, carrier silence, port overdue, failing capability; docs/rules.md §14) */
      needsAttention: boolean;
      /** @description what the order waits for now, each with its deadline when it has one */
      waitingFor: {
        /** @description the awaited event, in words */
        what: string;
        /**
         * Format: date-time
         * @description RFC 3339 deadline of the wait
         */
        until?: string;
      }[];
      /**
       * Format: date-time
       * @description while the order waits for its staff review: when the 24 h review promise runs out (RFC 3339; in the past once `review` is `escalated`). Absent once the review is decided
       */
      reviewDueAt?: string;
      /** @description who holds the account at the losing carrier: a first and last name, or a business name (`authorized_name_missing`); the LOA is signed by this person (docs/rules.md §3, §4) */
      authorizedPerson: {
        /** @description given name, as on the carrier account */
        firstName?: string;
        /** @description family name, as on the carrier account */
        lastName?: string;
        /** @description the business holding the carrier account, when it is a business */
        businessName?: string;
      };
      /** @description where the numbers are in service, as the losing carrier has it on file (never a PO box; docs/rules.md §3) */
      serviceAddress: {
        /** @description street line: number and street. A post office box is refused at submit (`po_box_not_allowed`; docs/rules.md §3) */
        line1: string;
        /** @description apartment, suite or floor */
        line2?: string;
        /** @description city or locality */
        city: string;
        /** @description state, province or territory of the country, as a code (`NY`, `QC`, `NSW`) or its full name; it sets the order’s time zone unless `timeZone` overrides it (`invalid_region`; docs/rules.md §3, §9) */
        region: string;
        /** @description in the country’s format: US ZIP or ZIP+4, Canadian `A1A 1A1`, Australian four digits (`invalid_postal_code`; docs/rules.md §3) */
        postalCode: string;
        /**
         * @description ISO 3166-1 alpha-2; must be the order’s country (docs/rules.md §2)
         * @enum {string}
         */
        country: 'US' | 'CA' | 'AU';
      };
      /** @description the account the numbers leave; the account number and PIN masked (docs/rules.md §3) */
      losingCarrier: {
        /** @description the carrier the numbers leave: as the draft names it, and once submitted the one the order was submitted to (the carrier’s look-up of the numbers first, else the name given) */
        name?: string;
        /** @description `false` when the carrier has no account numbers */
        usesAccountNumber?: boolean;
        /** @description masked: the last four characters only */
        accountNumber?: string;
        /** @description masked: the last four characters only */
        pin?: string;
        /** @description billing telephone number, E.164 */
        btn?: string;
      };
      /** @description every email about the order goes here (docs/rules.md §13) */
      notificationEmail: string;
      /** @description the port date asked for, YYYY-MM-DD; the carrier may grant a later FOC (docs/rules.md §5) */
      requestedPortDate?: string;
      /** @description how the numbers are set up on our side; applied at activation, at 00:00 of the FOC date in the order’s zone (docs/rules.md §5, §9) */
      configuration: {
        /**
         * @description what the numbers must do once ported; tested before the order completes. `sms` alone is refused at submit (`sms_only_not_portable`: use hosted messaging; docs/rules.md §5, §11)
         * @enum {string}
         */
        capabilities: 'voice' | 'voice+sms' | 'sms';
        /** @description a name for the numbers in your account (free text) */
        alias?: string;
        /** @description the subaccount the numbers are added to */
        subaccountId?: string;
        /** @description caller-ID name: at most 15 ASCII letters, digits, spaces and `. , ' - & !`, at least one letter or digit (`invalid_cnam`; docs/rules.md §5) */
        cnam?: string;
        /** @description the application that answers the numbers (`invalid_application`; docs/rules.md §5) */
        application?: {
          /**
           * @description the kind of application answering calls
           * @enum {string}
           */
          type: 'xml_app' | 'phlo';
          /** @description the application’s id in your account */
          id: string;
        };
      };
      /** @description the uploaded documents: LOAs and proofs of ownership (docs/rules.md §4) */
      documents: components['schemas']['OrderDocument'][];
      /** @description every number of the order in E.164, drafts included; `numbers` has their statuses once submitted */
      phoneNumbers: string[];
      /** @description each submitted number with its status, FOC date and activation (docs/rules.md §6) */
      numbers: components['schemas']['PortInNumber'][];
      /** @description every fee charged on the order, one per number and change (docs/rules.md §12) */
      fees: {
        /** @description E.164, e.g. `+13475550101` */
        phoneNumber: string;
        /** @description fee in US cents (docs/rules.md §12) */
        feeCents: number;
        /** @description why the fee was charged: `cancellation` or `port_date_change`, or a port’s one-time charge: `international_port`, `after_hours_port` */
        reason: string;
        /**
         * Format: date-time
         * @description RFC 3339 date-time it happened (UTC)
         */
        at: string;
      }[];
      /** @description the sum of `fees`, in US cents */
      totalFeesCents: number;
      /** @description the customer asked for the port outside business hours: an extra fee per number (docs/rules.md §1) */
      afterHoursPort: boolean;
      /** @description support’s quote of the one-time charge per number of a port outside the US and Canada, US cents (docs/rules.md §1) */
      quotedPortingChargeCents?: number;
      /** @description the one-time charges the order carries, per number and kind: shown on the draft, fixed at submit, and recorded in `fees` when each number is ported (docs/rules.md §1) */
      portingCharges: {
        /** @description E.164, e.g. `+13475550101` */
        phoneNumber: string;
        /**
         * @description `international_port` (a port outside the US and Canada) or `after_hours_port` (outside business hours)
         * @enum {string}
         */
        kind: 'international_port' | 'after_hours_port';
        /** @description the charge in US cents (docs/rules.md §1) */
        feeCents: number;
      }[];
      /**
       * Format: date-time
       * @description RFC 3339 date-time the order was submitted (UTC)
       */
      submittedAt?: string;
      /**
       * Format: date-time
       * @description RFC 3339 date-time the record was created (UTC)
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description RFC 3339 date-time of the last change (UTC)
       */
      updatedAt: string;
      /** @description what the carrier would most likely reject; never blocking (docs/rules.md §3, prevention) */
      warnings: components['schemas']['Warning'][];
    };
    /** @description not blocking: what the carrier would most likely reject */
    Warning: {
      /**
       * @description what the order and the CSR disagree on, or what is missing (docs/rules.md §3)
       * @enum {string}
       */
      code:
        | 'csr_name_mismatch'
        | 'csr_address_mismatch'
        | 'csr_postal_code_mismatch'
        | 'csr_account_number_mismatch'
        | 'csr_btn_mismatch'
        | 'number_lookup_missing';
      /** @description the request field at fault, as a dotted path (`serviceAddress.postalCode`, `numbers.0`) */
      field: string;
      /** @description what is wrong, for a person */
      message: string;
      /**
       * @description the rejection the carrier would most likely answer (docs/rules.md §8)
       * @enum {string}
       */
      likelyRejection?:
        | 'unsatisfactory_business_relationship'
        | 'data_mismatch'
        | 'name_mismatch'
        | 'address_mismatch'
        | 'number_inactive'
        | 'unauthorized_contact'
        | 'wrong_wireless_pin'
        | 'incorrect_account_number'
        | 'invalid_btn'
        | 'unportable'
        | 'resold_account'
        | 'pending_service_request'
        | 'incorrect_service_account_number';
    };
    /** @description one entry of the order’s timeline */
    OrderEvent: {
      /** @description the order’s id */
      orderId: string;
      /** @description position in the order’s timeline, from 1, without gaps */
      seq: number;
      /**
       * Format: date-time
       * @description RFC 3339 date-time it happened (UTC)
       */
      at: string;
      /** @description what happened (`submitted`, `review_approved`, `foc_assigned`, `canceled`, …) */
      type: string;
      /** @description E.164 numbers */
      phoneNumbers: string[];
      /** @description more about it, in words */
      detail?: string;
    };
    /** @description A signing link on its way to the authorized person */
    LoaSignatureRequest: {
      /** @description the signature request (`sig_…`) */
      id: string;
      /** @description the order whose LOA is to be signed */
      orderId: string;
      /** @description where the link was sent */
      email: string;
      /**
       * Format: date-time
       * @description when the link stops working
       */
      expiresAt: string;
    };
    /** @description one comment of an order’s thread between the customer and support */
    Comment: {
      /** @description `<orderId>:<seq>` */
      id: string;
      /** @description the order’s id */
      orderId: string;
      /** @description the comment’s position in the thread, from 1 */
      seq: number;
      /**
       * @description who wrote the comment: the customer or support
       * @enum {string}
       */
      author: 'customer' | 'support';
      /** @description the writing API key’s name (staff only) */
      authorName?: string;
      /** @description a support-only note: customers never see it, and no one is told */
      internal: boolean;
      /** @description the comment’s text */
      body: string;
      /**
       * Format: date-time
       * @description RFC 3339 date-time the record was created (UTC)
       */
      createdAt: string;
    };
    /** @description what a cancellation or port-date change would cost now, per number, and who may make it (docs/rules.md §12) */
    ChangeQuote: {
      /**
       * @description always USD; amounts are in cents
       * @enum {string}
       */
      currency: 'USD';
      /** @description one entry per number */
      numbers: {
        /** @description E.164, e.g. `+13475550101` */
        phoneNumber: string;
        /**
         * @description where the number stands against its activation instant; sets who may act and the fee (docs/rules.md §12)
         * @enum {string}
         */
        window:
          | 'not_submitted'
          | 'submitted_no_foc'
          | 'foc_72h_or_more'
          | 'foc_48h_to_72h'
          | 'foc_24h_to_48h'
          | 'foc_under_24h'
          | 'rejected'
          | 'closed';
        /** @description fee in US cents (docs/rules.md §12) */
        feeCents: number;
        /** @description who may make the change for this number now (docs/rules.md §12) */
        allowedRoles: ('customer' | 'support' | 'ops')[];
        /** @description hours from now to the activation instant (00:00 of the FOC date, local) */
        hoursUntilPort?: number;
        /**
         * @description why the caller may not make the change (`customer_inside_72h`, `number_closed`, `role_not_allowed`)
         * @enum {string}
         */
        refusal?: 'number_closed' | 'customer_inside_72h' | 'role_not_allowed';
      }[];
      /** @description the sum of the numbers’ fees, in US cents */
      totalCents: number;
      /** @description the caller may make the change for every quoted number now */
      allowed: boolean;
    };
    /** @description the fees a cancellation charged, per number (docs/rules.md §12) */
    FeeResult: {
      /**
       * @description always USD; amounts are in cents
       * @enum {string}
       */
      currency: 'USD';
      /** @description one entry per number */
      numbers: {
        /** @description E.164, e.g. `+13475550101` */
        phoneNumber: string;
        /** @description fee in US cents (docs/rules.md §12) */
        feeCents: number;
      }[];
      /** @description the sum of the numbers’ fees, in US cents */
      totalCents: number;
      order: components['schemas']['PortInOrder'];
    };
    /** @description the FOC date after a port-date change, and its fees (docs/rules.md §12) */
    PortDateResult: {
      /**
       * @description always USD; amounts are in cents
       * @enum {string}
       */
      currency: 'USD';
      /** @description one entry per number */
      numbers: {
        /** @description E.164, e.g. `+13475550101` */
        phoneNumber: string;
        /** @description fee in US cents (docs/rules.md §12) */
        feeCents: number;
      }[];
      /** @description the sum of the numbers’ fees, in US cents */
      totalCents: number;
      order: components['schemas']['PortInOrder'];
      /**
       * Format: date
       * @description the firm order commitment date the carrier granted, YYYY-MM-DD (docs/rules.md §9)
       */
      focDate: string;
    };
    /** @description an order waiting for staff review */
    ReviewQueueItem: {
      /** @description the order’s id */
      id: string;
      /** @description the customer account the order belongs to */
      accountId: string;
      /** @description the customer’s own reference */
      customerReference?: string;
      /**
       * @description the order’s country
       * @enum {string}
       */
      country: 'US' | 'CA' | 'AU';
      /** @description the order’s numbers (E.164) */
      phoneNumbers: string[];
      /**
       * @description `escalated`: the 24 h review promise has passed and ops were alerted
       * @enum {string}
       */
      review: 'pending' | 'escalated';
      /** @description the order’s NeedsAttention flag (docs/rules.md §7) */
      needsAttention: boolean;
      /** @description when the order was submitted (RFC 3339): the queue’s order */
      submittedAt: string;
      /** @description when the 24 h review promise runs out (RFC 3339); in the past once escalated */
      reviewDueAt: string;
    };
    /** @description a submitted order’s workflow, for staff */
    OrderWorkflow: {
      /** @description the order’s workflow id (`port-in-order-<orderId>`) */
      workflowId: string;
      /** @description the Temporal namespace the API starts orders in */
      namespace: string;
      /** @description the workflow’s page in the Temporal UI; null when the API does not know the UI’s address */
      temporalUiUrl: string | null;
    };
    /** @description the caller, as its API key identifies it */
    Me: {
      /**
       * @description `customer`: its own account’s orders; `support`: every account, review and staff actions; `ops`: read-only
       * @enum {string}
       */
      role: 'customer' | 'support' | 'ops';
      /** @description customers only: the account the key belongs to */
      accountId?: string;
      /** @description the key’s name, as its owner named it */
      keyName: string;
    };
    /** @description a number ported in and completed, with its configuration (docs/rules.md §11) */
    ActiveNumber: {
      /** @description E.164, e.g. `+13475550101` */
      phoneNumber: string;
      /** @description the customer account (`acct_…`) */
      accountId: string;
      /** @description the order’s id */
      orderId?: string;
      /** @description how the numbers are set up on our side; applied at activation, at 00:00 of the FOC date in the order’s zone (docs/rules.md §5, §9) */
      configuration?: {
        /**
         * @description what the numbers must do once ported; tested before the order completes. `sms` alone is refused at submit (`sms_only_not_portable`: use hosted messaging; docs/rules.md §5, §11)
         * @enum {string}
         */
        capabilities: 'voice' | 'voice+sms' | 'sms';
        /** @description a name for the numbers in your account (free text) */
        alias?: string;
        /** @description the subaccount the numbers are added to */
        subaccountId?: string;
        /** @description caller-ID name: at most 15 ASCII letters, digits, spaces and `. , ' - & !`, at least one letter or digit (`invalid_cnam`; docs/rules.md §5) */
        cnam?: string;
        /** @description the application that answers the numbers (`invalid_application`; docs/rules.md §5) */
        application?: {
          /**
           * @description the kind of application answering calls
           * @enum {string}
           */
          type: 'xml_app' | 'phlo';
          /** @description the application’s id in your account */
          id: string;
        };
      };
      /**
       * Format: date-time
       * @description RFC 3339 date-time the number completed: ported, and every requested capability works
       */
      completedAt?: string;
    };
    /** @description one webhook event sent to the account’s endpoint, with its attempts (docs/rules.md §13) */
    WebhookDelivery: {
      /** @description the event id, sent as `webhook-id`: the same on every attempt and republish */
      id: string;
      /** @description the order’s id */
      orderId?: string;
      /** @description the event type (`port_in_order.status_changed`, …; docs/rules.md §13) */
      type?: string;
      /** @description the endpoint events are POSTed to */
      url?: string;
      /**
       * @description `sent` once the endpoint answered 2xx, `failed` after the last retry
       * @enum {string}
       */
      status?: 'sent' | 'failed';
      /** @description delivery attempts so far (retried for about six hours) */
      attempts: number;
      /** @description why the last attempt failed, as `<class>: <detail>` (`timeout`, `http_status: 500`, …) */
      lastError?: string;
      /** @description HTTP status the endpoint answered */
      responseStatus?: string;
      /**
       * Format: date-time
       * @description RFC 3339 date-time the record was created (UTC)
       */
      createdAt: string;
      /**
       * Format: date-time
       * @description RFC 3339 date-time of the last change (UTC)
       */
      updatedAt: string;
    };
    /** @description the submit checklist: what submit would judge now, requirement by requirement */
    Requirements: {
      /** @description the order’s id */
      orderId: string;
      /**
       * @description the order’s status; only a draft can be submitted
       * @enum {string}
       */
      status: 'draft' | 'in_review' | 'in_progress' | 'completed' | 'rejected' | 'canceled';
      /** @description a draft whose requirements are all met: `POST …/submit` accepts it now (and refuses it, with `problems`, otherwise) */
      submittable: boolean;
      /**
       * Format: date
       * @description today in the order’s zone: bill ages and dates count from it
       */
      today?: string;
      /** @description the requirements of the order as a whole */
      order: components['schemas']['Requirement'][];
      /** @description per number: its format and availability, LOA and proof of ownership */
      numbers: {
        /** @description position in the order’s numbers */
        index: number;
        /** @description E.164, e.g. `+13475550101` */
        phoneNumber?: string;
        /** @description every requirement of this number is met */
        met: boolean;
        /** @description the requirements of this number */
        requirements: components['schemas']['Requirement'][];
      }[];
      /** @description every problem, as submit would list them */
      problems: components['schemas']['IntakeProblem'][];
      /** @description not blocking: likely carrier rejections */
      warnings: components['schemas']['Warning'][];
    };
    /** @description one requirement of the rulebook, and whether the order meets it */
    Requirement: {
      /**
       * @description stable id
       * @enum {string}
       */
      requirement:
        | 'plan'
        | 'country'
        | 'number_count'
        | 'phone_number'
        | 'availability'
        | 'portability'
        | 'authorized_person'
        | 'service_address'
        | 'time_zone'
        | 'notification_email'
        | 'account_number'
        | 'pin'
        | 'btn'
        | 'documents'
        | 'loa'
        | 'loa_documents'
        | 'toll_free_subscriber'
        | 'proof_of_ownership'
        | 'bill_dates'
        | 'requested_port_date'
        | 'capabilities'
        | 'cnam'
        | 'application'
        | 'submission_context';
      /** @description the requirement, for a person */
      title: string;
      /** @description what it takes, and when it applies */
      description: string;
      /**
       * @description `missing`: something must be given (an LOA, a name, a PIN); `invalid`: what was given is wrong; `met`: nothing to do
       * @enum {string}
       */
      status: 'met' | 'missing' | 'invalid';
      /** @description why it is not met: exactly the problems submit names for it */
      problems: components['schemas']['IntakeProblem'][];
    };
    /** @description one problem submit would answer in its `422` */
    IntakeProblem: {
      /**
       * @description stable code (docs/rules.md, sections 1-5)
       * @enum {string}
       */
      code:
        | 'plan_not_eligible'
        | 'country_support_only'
        | 'country_not_portable'
        | 'no_numbers'
        | 'too_many_numbers'
        | 'project_port_staff_only'
        | 'project_port_multiple_accounts'
        | 'invalid_phone_number'
        | 'duplicate_number'
        | 'number_country_mismatch'
        | 'number_already_active'
        | 'number_in_open_order'
        | 'number_not_portable'
        | 'authorized_name_missing'
        | 'service_address_incomplete'
        | 'po_box_not_allowed'
        | 'invalid_region'
        | 'invalid_postal_code'
        | 'service_address_country_mismatch'
        | 'invalid_time_zone'
        | 'invalid_notification_email'
        | 'account_number_missing'
        | 'pin_required'
        | 'invalid_btn_format'
        | 'invalid_document'
        | 'document_number_not_in_order'
        | 'loa_missing'
        | 'loa_wrong_template'
        | 'loa_signer_mismatch'
        | 'toll_free_subscriber_required'
        | 'proof_of_ownership_missing'
        | 'bill_date_missing'
        | 'bill_date_invalid'
        | 'bill_too_old'
        | 'invalid_port_date'
        | 'port_date_not_business_day'
        | 'port_date_not_in_future'
        | 'sms_only_not_portable'
        | 'invalid_capabilities'
        | 'invalid_cnam'
        | 'invalid_application'
        | 'invalid_submission_context';
      /** @description the field at fault, as a path into the order (`numbers[0]`) */
      field: string;
      /** @description what is wrong and what to do, for a person */
      message: string;
    };
    /** @description the port dates that may be asked for now, and what a change costs */
    PortDateOptions: {
      /** @description the order’s id */
      orderId: string;
      /**
       * @description the order’s status
       * @enum {string}
       */
      status: 'draft' | 'in_review' | 'in_progress' | 'completed' | 'rejected' | 'canceled';
      /**
       * @description `requested_port_date`: a draft’s `requestedPortDate` (PATCH the draft); `port_date_change`: `POST …/port-date`; `none`: no number can move any more (activated or finished)
       * @enum {string}
       */
      purpose: 'requested_port_date' | 'port_date_change' | 'none';
      /**
       * @description whose business days and public holidays count
       * @enum {string}
       */
      country: 'US' | 'CA' | 'AU';
      /** @description the order’s zone: `today` is read there */
      timeZone: string;
      /**
       * Format: date
       * @description today in the order’s zone: only later dates may be asked for
       */
      today: string;
      /** @description business days the carrier needs before the first FOC it grants (3); counts while no FOC is granted */
      leadBusinessDays: number;
      /** @description how far ahead dates are listed, in calendar days from today (60) */
      horizonDays: number;
      /**
       * Format: date
       * @description the date the draft asks for now, if any
       */
      requestedPortDate?: string;
      /**
       * Format: date
       * @description the latest FOC granted: a change may not move before it
       */
      focDate?: string;
      /**
       * Format: date
       * @description the first date considered (lead time or FOC)
       */
      earliest?: string;
      /**
       * Format: date
       * @description the last date considered (the horizon)
       */
      latest?: string;
      /** @description business days that may be asked for, ascending (docs/rules.md §5, §10, §12) */
      dates: {
        /**
         * Format: date
         * @description a business day that may be asked for
         */
        date: string;
        /** @description port-date changes: what the change costs (USD cents, every number moved) if requested now; the same for every date, since it depends on how near the current FOC is */
        feeCents?: number;
      }[];
      /** @description weekdays in the range left out as public holidays of the country */
      holidays: string[];
      /** @description port-date changes: the fee per number and whether the caller may make the change now */
      quote?: {
        /**
         * @description always USD; amounts are in cents
         * @enum {string}
         */
        currency: 'USD';
        /** @description one entry per number */
        numbers: {
          /** @description E.164, e.g. `+13475550101` */
          phoneNumber: string;
          /**
           * @description where the number stands against its activation instant; sets who may act and the fee (docs/rules.md §12)
           * @enum {string}
           */
          window:
            | 'not_submitted'
            | 'submitted_no_foc'
            | 'foc_72h_or_more'
            | 'foc_48h_to_72h'
            | 'foc_24h_to_48h'
            | 'foc_under_24h'
            | 'rejected'
            | 'closed';
          /** @description fee in US cents (docs/rules.md §12) */
          feeCents: number;
          /** @description who may make the change for this number now (docs/rules.md §12) */
          allowedRoles: ('customer' | 'support' | 'ops')[];
          /** @description hours from now to the activation instant (00:00 of the FOC date, local) */
          hoursUntilPort?: number;
          /**
           * @description why the caller may not make the change (`customer_inside_72h`, `number_closed`, `role_not_allowed`)
           * @enum {string}
           */
          refusal?: 'number_closed' | 'customer_inside_72h' | 'role_not_allowed';
        }[];
        /** @description the sum of the numbers’ fees, in US cents */
        totalCents: number;
        /** @description the caller may make the change for every quoted number now */
        allowed: boolean;
      };
    };
    /** @description an order’s documents */
    DocumentList: {
      /** @description the documents, oldest first */
      data: components['schemas']['OrderDocument'][];
    };
    /** @description proto3 JSON of temporal.api.common.v1.Payloads */
    Payloads: {
      /** @description may be empty or absent (an empty list) */
      payloads?:
        | {
            /** @description the payload’s metadata (`encoding`, `encryption-key-id`, …), each value base64 */
            metadata?: {
              [key: string]: string;
            } | null;
            /** @description the payload bytes, base64 */
            data?: string | null;
          }[]
        | null;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
