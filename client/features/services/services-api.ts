/** The REST calls of the services catalogue and service requests. Types from shared/ only. */
import type { Organisation } from '../../../shared/schemas/organisations.ts';
import type {
  Answers,
  CreateServiceBody,
  Service,
  ServiceKind,
  ServiceLoad,
  ServiceRequest,
  UpdateServiceBody,
  UpdateServiceRequestBody,
} from '../../../shared/services.ts';
import { request } from '../../api.ts';

const enc = encodeURIComponent;

export interface MilestoneOption {
  id: string;
  title: string;
}

export const servicesApi = {
  catalogue: (kind: ServiceKind | '') =>
    request<{ services: Service[] }>('GET', `/api/services${kind ? `?kind=${kind}` : ''}`),
  service: (idOrSlug: string) => request<Service>('GET', `/api/services/${enc(idOrSlug)}`),
  projectRequests: (projectId: string) =>
    request<{ requests: ServiceRequest[]; milestones: MilestoneOption[] }>(
      'GET',
      `/api/projects/${enc(projectId)}/service-requests`,
    ),
  file: (projectId: string, serviceId: string, answers: Answers) =>
    request<ServiceRequest>('POST', `/api/projects/${enc(projectId)}/service-requests`, {
      serviceId,
      answers,
    }),
  update: (requestId: string, body: UpdateServiceRequestBody) =>
    request<ServiceRequest>('PATCH', `/api/service-requests/${enc(requestId)}`, body),
  queue: (status: 'open' | 'closed' | 'all', service: string) =>
    request<{ requests: ServiceRequest[] }>(
      'GET',
      `/api/service-queue?status=${status}${service ? `&service=${enc(service)}` : ''}`,
    ),
  create: (body: CreateServiceBody) => request<Service>('POST', '/api/services', body),
  save: (id: string, body: UpdateServiceBody) => request<Service>('PATCH', `/api/services/${enc(id)}`, body),
  organisations: () => request<{ organisations: Organisation[] }>('GET', '/api/organisations'),
  load: () => request<{ services: ServiceLoad[] }>('GET', '/api/service-queue/load'),
};
