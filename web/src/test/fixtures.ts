// The reference lists as the demo agency's server answers them (recorded by
// scripts/record-fixtures.mjs), typed for the components that take them as props.
import type { Organization, Person, Source } from '../api/types';
import fx from './apiFixtures.json';
import organizationList from './fixtures/organizations.json';

export const organizations = organizationList.items as Organization[];
export const people = fx.people.items as Person[];
export const sources = fx.sources.items as Source[];
