// Which ID-token claims carry a staff member's role and scope. Cognito's by default (the role is the
// group); an OIDC provider names its own (context roleClaim / countyClaim / employerClaim), read once.
import { ENV, optionalEnv } from '#config/env.js';

export interface ClaimNames {
  /** A list of role names (or one name): coordinator, employer, admin. */
  role: string;
  /** A coordinator's 6-digit county code. */
  county: string;
  /** An employer's id. */
  employerId: string;
}

export const COGNITO_CLAIMS: ClaimNames = { role: 'cognito:groups', county: 'custom:county', employerId: 'custom:employerId' };

export function claimNamesFromEnv(): ClaimNames {
  return {
    role: optionalEnv(ENV.roleClaim) ?? COGNITO_CLAIMS.role,
    county: optionalEnv(ENV.countyClaim) ?? COGNITO_CLAIMS.county,
    employerId: optionalEnv(ENV.employerClaim) ?? COGNITO_CLAIMS.employerId,
  };
}
