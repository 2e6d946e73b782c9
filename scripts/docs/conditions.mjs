/** A module's or file's `when` condition in words, e.g. "cloud is aws, and serving includes online". */
const FACETS = {
  cloud: (values) => `cloud is ${values.join(' or ')}`,
  cicd: (values) => `CI/CD is ${values.join(' or ')}`,
  framework: (values) => `framework is ${values.join(' or ')}`,
  // `both` serves online and batch, so it matches either.
  serving: (values) => `serving is ${values.join(' or ')} (or both)`,
  compute: (values) => `training runs on ${values.map((value) => value.toUpperCase()).join(' or ')}`,
  monitoring: (values) => (values.length === 1 ? `monitoring is ${values[0] ? 'on' : 'off'}` : 'monitoring is on or off'),
};

export function describeCondition(condition) {
  const parts = Object.entries(condition ?? {}).map(([facet, values]) => (FACETS[facet] ?? ((v) => `${facet} is ${v.join(' or ')}`))(values));
  return parts.length === 0 ? 'always' : parts.join(', and ');
}
