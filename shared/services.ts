/**
 * The services and platforms catalogue and the requests projects file against it: the request
 * form as data (fields with types and required flags), the zod schema built from such a form
 * (the server validates answers with it; the client shows the same messages), the request's
 * state machine, and the REST shapes.
 */
import { z } from 'zod';
import { RequestKind } from './data-requests.ts';
import { DimensionId, OrganisationKind } from './domain.ts';
import { Bilingual, Id, IsoDate } from './schemas/common.ts';
import { serviceKinds } from './vocabularies.ts';

const Day = z.iso.date().describe('YYYY-MM-DD');

export const ServiceKind = z.enum(serviceKinds);
export type ServiceKind = z.infer<typeof ServiceKind>;

// ---------------------------------------------------------------------------------------------
// The request form, as data
// ---------------------------------------------------------------------------------------------

export const fieldTypes = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'multiselect',
  'confirm',
  'email',
  'url',
] as const;
export const FieldType = z.enum(fieldTypes);
export type FieldType = z.infer<typeof FieldType>;

export const FormField = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a field key is lower_snake_case, at most 40 characters'),
    type: FieldType,
    label: Bilingual,
    help: Bilingual.optional(),
    required: z.boolean(),
    /** select and multiselect: the choices */
    options: z
      .array(z.object({ value: z.string().min(1).max(60), label: Bilingual }))
      .max(40)
      .optional(),
    /** number: bounds; text and textarea: maximum length */
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict()
  .refine((f) => (f.type === 'select' || f.type === 'multiselect') === Boolean(f.options?.length), {
    message: 'select and multiselect fields (and only they) list their options',
    path: ['options'],
  });
export type FormField = z.infer<typeof FormField>;

export const RequestForm = z
  .array(FormField)
  .min(1)
  .max(30)
  .refine((fields) => new Set(fields.map((f) => f.key)).size === fields.length, 'field keys must be unique');
export type RequestForm = z.infer<typeof RequestForm>;

export type Answer = string | number | boolean | string[];
export type Answers = Record<string, Answer>;

const TEXT_MAX = 500;
const TEXTAREA_MAX = 5000;

/**
 * The schema of a form's answers. Unknown fields are refused; blank optional text counts as
 * absent. Messages are English: the server's replies list the fields by key, and the client
 * shows its own translated text per field.
 */
export function answersSchema(form: RequestForm) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of form) {
    let schema: z.ZodType;
    switch (field.type) {
      case 'text':
      case 'textarea': {
        const max = field.max ?? (field.type === 'text' ? TEXT_MAX : TEXTAREA_MAX);
        const text = z.string('must be text').trim().max(max, `must be at most ${max} characters`);
        schema = field.required ? text.min(1, 'is required') : text;
        break;
      }
      case 'number': {
        let n = z.number('must be a number');
        if (field.min !== undefined) n = n.min(field.min, `must be at least ${field.min}`);
        if (field.max !== undefined) n = n.max(field.max, `must be at most ${field.max}`);
        schema = n;
        break;
      }
      case 'date':
        schema = z.iso.date('must be a date (YYYY-MM-DD)');
        break;
      case 'email':
        schema = z.email('must be an email address').max(254, 'must be at most 254 characters');
        break;
      case 'url':
        schema = z
          .url({ protocol: /^https?$/, error: 'must be a web address (https://…)' })
          .max(2000, 'must be at most 2000 characters');
        break;
      case 'select': {
        const values = (field.options ?? []).map((o) => o.value);
        schema = z
          .string('must be one of the choices')
          .refine((v) => values.includes(v), 'must be one of the choices');
        break;
      }
      case 'multiselect': {
        const values = (field.options ?? []).map((o) => o.value);
        const list = z
          .array(z.string(), 'must be a list of choices')
          .refine((v) => v.every((x) => values.includes(x)), 'must contain only the listed choices');
        schema = field.required ? list.refine((v) => v.length > 0, 'choose at least one') : list;
        break;
      }
      case 'confirm':
        schema = field.required ? z.literal(true, 'must be confirmed') : z.boolean('must be true or false');
        break;
    }
    shape[field.key] = field.required
      ? schema
      : z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());
  }
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? 'is not a field of this form'
        : 'the answers must be an object of fields',
  });
}

// ---------------------------------------------------------------------------------------------
// Requests and their state machine
// ---------------------------------------------------------------------------------------------

export const requestStatuses = [
  'submitted',
  'in_review',
  'accepted',
  'declined',
  'scheduled',
  'delivered',
] as const;
export const RequestStatus = z.enum(requestStatuses);
export type RequestStatus = z.infer<typeof RequestStatus>;

/** submitted → in_review → accepted | declined; accepted → scheduled → delivered. */
export const requestTransitions: Record<RequestStatus, readonly RequestStatus[]> = {
  submitted: ['in_review'],
  in_review: ['accepted', 'declined'],
  accepted: ['scheduled'],
  declined: [],
  scheduled: ['delivered'],
  delivered: [],
};

export const canMove = (from: RequestStatus, to: RequestStatus) => requestTransitions[from].includes(to);

/** Requests still waiting on the handling team. */
export const openStatuses: readonly RequestStatus[] = ['submitted', 'in_review', 'accepted', 'scheduled'];

/** Statuses in which the request may be tracked by a project milestone. */
export const linkableStatuses: readonly RequestStatus[] = ['accepted', 'scheduled', 'delivered'];

// ---------------------------------------------------------------------------------------------
// REST shapes
// ---------------------------------------------------------------------------------------------

const Person = z.object({ id: Id, name: z.string() });

export const Service = z.object({
  id: Id,
  slug: z.string(),
  kind: ServiceKind,
  name: Bilingual,
  description: Bilingual,
  /** who may ask, in words */
  audience: Bilingual,
  /** the kinds of organisation whose projects may ask (lead organisation); empty: any project */
  requesterKinds: z.array(OrganisationKind),
  form: RequestForm,
  handlingOrganisation: z.object({ id: Id, slug: z.string(), name: z.string() }).nullable(),
  handlers: z.array(Person),
  /** the readiness dimension a tracking milestone serves */
  dimension: DimensionId.nullable(),
  /** 'data_access': a hospital data-access request (shared/data-requests.ts) */
  requestKind: RequestKind,
  active: z.boolean(),
  /** the caller handles this service's requests (handling team or cluster manager) */
  canHandle: z.boolean(),
});
export type Service = z.infer<typeof Service>;

export const ServiceListQuery = z.object({ kind: ServiceKind.optional() });

const ServiceFields = {
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'lowercase letters, digits and dashes'),
  kind: ServiceKind,
  name: Bilingual,
  description: Bilingual,
  audience: Bilingual,
  requesterKinds: z.array(OrganisationKind).max(8),
  form: RequestForm,
  handlingOrganisationId: Id.nullable(),
  handlerIds: z.array(Id).max(20),
  dimension: DimensionId.nullable(),
  active: z.boolean(),
};

export const CreateServiceBody = z
  .object({
    ...ServiceFields,
    requesterKinds: ServiceFields.requesterKinds.default([]),
    handlingOrganisationId: ServiceFields.handlingOrganisationId.default(null),
    handlerIds: ServiceFields.handlerIds.default([]),
    dimension: ServiceFields.dimension.default(null),
    active: ServiceFields.active.default(true),
  })
  .strict()
  .refine((b) => b.handlingOrganisationId !== null || b.handlerIds.length > 0, {
    message: 'A service needs a handling team: an organisation or at least one person',
    path: ['handlerIds'],
  });
export type CreateServiceBody = z.input<typeof CreateServiceBody>;

export const UpdateServiceBody = z
  .object(ServiceFields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdateServiceBody = z.input<typeof UpdateServiceBody>;

export const RequestEvent = z.object({
  id: Id,
  author: Person.nullable(),
  at: IsoDate,
  /** a status change (from → to), or null for a comment only */
  from: RequestStatus.nullable(),
  to: RequestStatus.nullable(),
  comment: z.string().nullable(),
});
export type RequestEvent = z.infer<typeof RequestEvent>;

export const ServiceRequest = z.object({
  id: Id,
  service: z.object({ id: Id, slug: z.string(), kind: ServiceKind, name: Bilingual, form: RequestForm }),
  project: z.object({ id: Id, title: z.string() }),
  /** data-access requests: the hospital whose data office handles this one */
  hospital: z.object({ id: Id, slug: z.string(), name: z.string() }).nullable(),
  /** data-access requests: shared by the requests of one filing naming several hospitals */
  filingId: z.string().nullable(),
  requester: Person,
  answers: z.record(z.string(), z.unknown()),
  status: RequestStatus,
  scheduledFor: Day.nullable(),
  milestoneId: z.string().nullable(),
  submittedAt: IsoDate,
  decidedAt: IsoDate.nullable(),
  deliveredAt: IsoDate.nullable(),
  updatedAt: IsoDate,
  events: z.array(RequestEvent),
  /** stable address of the request, to cite as readiness or gate evidence */
  link: z.string(),
  /** what the caller may do with it (a handling team may not see the project itself) */
  canViewProject: z.boolean(),
  canHandle: z.boolean(),
  canComment: z.boolean(),
  canLink: z.boolean(),
});
export type ServiceRequest = z.infer<typeof ServiceRequest>;

export const CreateServiceRequestBody = z
  .object({
    serviceId: Id,
    answers: z.record(z.string(), z.unknown()),
  })
  .strict();
export type CreateServiceRequestBody = z.input<typeof CreateServiceRequestBody>;

/** Track the request on the project's timeline: a new milestone, or an existing one. */
export const MilestoneLink = z.union([
  z.object({ create: z.literal(true), title: z.string().trim().min(1).max(200).optional() }).strict(),
  z.object({ milestoneId: z.string().min(1).max(64) }).strict(),
]);
export type MilestoneLink = z.infer<typeof MilestoneLink>;

export const UpdateServiceRequestBody = z
  .object({
    status: RequestStatus.optional(),
    comment: z.string().trim().min(1).max(5000).optional(),
    /** required when moving to `scheduled` */
    scheduledFor: Day.optional(),
    milestone: MilestoneLink.optional(),
  })
  .strict()
  .refine(
    (b) => b.status !== undefined || b.comment !== undefined || b.milestone !== undefined,
    'Nothing to change',
  )
  .refine((b) => b.status !== 'scheduled' || b.scheduledFor !== undefined, {
    message: 'Scheduling needs a date',
    path: ['scheduledFor'],
  });
export type UpdateServiceRequestBody = z.input<typeof UpdateServiceRequestBody>;

export const RequestQueueQuery = z.object({
  status: z.enum(['open', 'closed', 'all']).default('open'),
  service: Id.optional(),
});

export const ServiceLoad = z.object({
  service: z.object({ id: Id, slug: z.string(), name: Bilingual, kind: ServiceKind }),
  open: z.number().int(),
  total: z.number().int(),
  /** median days from submission to accepted/declined; null while none is decided */
  medianDaysToDecision: z.number().nullable(),
  /** median days from submission to delivery; null while none is delivered */
  medianDaysToDelivery: z.number().nullable(),
});
export type ServiceLoad = z.infer<typeof ServiceLoad>;
