// Plain YAML scalars where they read back as the same string, quoted otherwise. Hand formatting
// keeps the files in exactly the seed's shape; the quoting keeps them safe for any YAML reader.

// YAML 1.1 readers (uctl and Helm are Go programs on yaml.v2/v3 in 1.1 mode for some types) read
// these as booleans or null, so a cluster named `yes` or `on` must be quoted even though YAML 1.2
// would keep it a string.
const YAML_11_SPECIAL = new Set(['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off', 'null', '~']);

// Starts with a letter or `_`, then only characters that never start YAML syntax; excludes numbers
// (`123`, `1e3`, `0x1f` start with a digit), `.inf`, `-` items and every indicator character.
const PLAIN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function yamlScalar(value: string): string {
  if (PLAIN.test(value) && !YAML_11_SPECIAL.has(value.toLowerCase())) return value;
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(value);
}
