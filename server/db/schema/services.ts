/**
 * The services and platforms catalogue (managed by cluster managers), who handles each service,
 * the requests projects file against it, and each request's history (status changes and
 * comments, in order).
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Answers, RequestForm } from '../../../shared/services.ts';
import { now, user } from './auth.ts';
import { organisations } from './organisations.ts';
import { projects } from './projects.ts';

export const services = sqliteTable('services', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  /** one of shared/services.ts serviceKinds */
  kind: text('kind').notNull(),
  nameEn: text('name_en').notNull(),
  nameFr: text('name_fr').notNull(),
  descriptionEn: text('description_en').notNull(),
  descriptionFr: text('description_fr').notNull(),
  audienceEn: text('audience_en').notNull(),
  audienceFr: text('audience_fr').notNull(),
  /** organisation kinds whose projects may ask (their lead organisation); empty: any project */
  requesterKinds: text('requester_kinds', { mode: 'json' }).$type<string[]>().notNull().default([]),
  form: text('form', { mode: 'json' }).$type<RequestForm>().notNull(),
  handlingOrganisationId: text('handling_organisation_id').references(() => organisations.id),
  /** the readiness dimension a tracking milestone serves */
  dimension: text('dimension'),
  /**
   * 'form': answers checked against the form only; 'data_access': a hospital data-access request,
   * whose answers must also satisfy shared/data-requests.ts and which is filed once per named
   * hospital, each handled by that hospital's data office
   */
  requestKind: text('request_kind').notNull().default('form'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
});

/** People who handle a service's requests (besides the members of its handling organisation). */
export const serviceHandlers = sqliteTable(
  'service_handlers',
  {
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.userId] }), index('service_handlers_user_idx').on(t.userId)],
);

export const serviceRequests = sqliteTable(
  'service_requests',
  {
    id: text('id').primaryKey(),
    serviceId: text('service_id')
      .notNull()
      .references(() => services.id),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    requesterId: text('requester_id')
      .notNull()
      .references(() => user.id),
    answers: text('answers', { mode: 'json' }).$type<Answers>().notNull(),
    /** one of shared/services.ts requestStatuses */
    status: text('status').notNull(),
    /** YYYY-MM-DD, once scheduled */
    scheduledFor: text('scheduled_for'),
    /** the project milestone that tracks it */
    milestoneId: text('milestone_id'),
    /**
     * data-access requests: the hospital whose data office handles this request (its own state);
     * null for any other service, handled by the service's team
     */
    dataHospitalId: text('data_hospital_id').references(() => organisations.id),
    /** data-access requests: the filing that named several hospitals shares one id */
    dataFilingId: text('data_filing_id'),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }).notNull(),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('service_requests_project_idx').on(t.projectId, t.submittedAt),
    index('service_requests_service_idx').on(t.serviceId, t.status),
    index('service_requests_data_hospital_idx').on(t.dataHospitalId, t.status),
  ],
);

export const serviceRequestEvents = sqliteTable(
  'service_request_events',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id')
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    authorId: text('author_id').references(() => user.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    comment: text('comment'),
  },
  (t) => [index('service_request_events_request_idx').on(t.requestId, t.at)],
);

/**
 * A hospital's data office: the people who review the data-access requests naming that
 * hospital, and only those (another hospital's office does not see them).
 */
export const hospitalDataOffices = sqliteTable(
  'hospital_data_offices',
  {
    hospitalId: text('hospital_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.hospitalId, t.userId] }),
    index('hospital_data_offices_user_idx').on(t.userId),
  ],
);
