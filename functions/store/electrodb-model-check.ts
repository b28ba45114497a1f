// Stands in for `jsonschema` inside the Lambda bundles (esbuild alias, lib/constructs/lambda-function.ts).
// ElectroDB validates every entity model against its JSON schema when the entity is built, at import:
// about a third of each function's cold start. Our models are static, and the tests — which run the
// unbundled code, with the real validator — would fail on an invalid one; the bundles skip the check.
// ElectroDB also asks the validator whether a Service member is a model or an Entity: an Entity
// carries `_instance`, a model never does, so that answer stays right.

interface ValidationResult {
  errors: { property: string; message: string; argument?: string }[];
}

const NOT_A_MODEL: ValidationResult = { errors: [{ property: 'instance', message: 'is an ElectroDB instance, not a model' }] };
const VALID: ValidationResult = { errors: [] };

export function Validator() {}
// ElectroDB registers its custom formats on the prototype (`Validator.prototype.customFormats.x = …`).
Validator.prototype.customFormats = {} as Record<string, unknown>;
Validator.prototype.addSchema = function addSchema(): void {};
Validator.prototype.validate = function validate(instance: unknown): ValidationResult {
  return typeof instance === 'object' && instance !== null && '_instance' in instance ? NOT_A_MODEL : VALID;
};
