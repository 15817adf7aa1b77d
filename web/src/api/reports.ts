import { api } from './client';
import type { ConsolidatedReport } from './types';

/**
 * The agency's consolidated report on `period` (a month "2024-05", a quarter "2024-Q2", the
 * year's first months "2024-M08" or a year "2024") as the data stand now: it is not issued.
 */
export const getConsolidatedReport = (period: string, signal?: AbortSignal) =>
  api.get<ConsolidatedReport>('/reports/preview', { query: { period }, signal });
