import type { Organization, Person, Source } from '../api/types';

export const organizations: Organization[] = [
  { id: 2, parent_id: null, agency_id: 2, kind: 'department', code: 'SGTVT', name: 'Sở Giao thông vận tải', place_name: 'Quảng Ngãi', valid_from: null, valid_to: null, successor_id: null, version: 1 },
  { id: 4, parent_id: 2, agency_id: 2, kind: 'division', code: 'KHTC', name: 'Phòng Kế hoạch – Tài chính', place_name: 'Quảng Ngãi', valid_from: null, valid_to: null, successor_id: null, version: 1 },
  { id: 5, parent_id: 2, agency_id: 2, kind: 'division', code: 'QLKCHT', name: 'Phòng Quản lý kết cấu hạ tầng giao thông', place_name: 'Quảng Ngãi', valid_from: null, valid_to: null, successor_id: null, version: 1 },
];

export const people: Person[] = [
  { id: 1, organization_id: 2, organization_name: 'Sở Giao thông vận tải', full_name: 'Trần Quốc Bảo', position: 'Giám đốc', email: '', phone: '', active: true, version: 1, role: null },
  { id: 15, organization_id: 5, organization_name: 'Phòng Quản lý kết cấu hạ tầng giao thông', full_name: 'Nguyễn Văn Bình', position: 'Trưởng phòng', email: '', phone: '', active: true, version: 1, role: null },
];

export const sources: Source[] = [
  { id: 3, agency_id: 2, kind: 'ad_hoc', title: 'Công văn về khắc phục sạt lở', doc_number: '2345/UBND-KTN', doc_date: '2025-11-08', issuer: 'UBND tỉnh Quảng Ngãi', summary: '', task_count: 4, version: 1 },
];
