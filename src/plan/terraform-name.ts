// Terraform identifiers (outputs, and the references that read them) built from model names. A
// Terraform name starts with a letter or `_`; model names are DNS labels, which may start with a
// digit (`1dev`). Such a name gets a leading `_`: no model name starts with `_`, so the result
// cannot collide with another name's, and names that are already valid stay exactly as they were
// (an existing estate sees no rename).

const VALID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `name` as a valid Terraform identifier: itself when valid, else `_name`. */
export function terraformName(name: string): string {
  if (VALID.test(name)) return name;
  const prefixed = `_${name}`;
  // Model names are checked before the plan: anything else here is a bug upstream, not a user mistake.
  if (!VALID.test(prefixed)) throw new Error(`'${name}' cannot be made a Terraform identifier`);
  return prefixed;
}
