// The pages behind CloudFront: a private bucket reached only through OAC, clean URLs, the API on the
// same origin, and the security headers the local runner sends too.
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { routeTable } from '../../functions/http/router.js';
import { API_PATHS } from '../../lib/constructs/web.js';
import { pageSecurityHeaders } from '../../web/security-headers.js';
import { TEST_ENV, synth } from './synth.js';

const { stack, template, logicalId } = synth();

describe('web', () => {
  it('serves a private bucket through an origin access control, HTTPS only', () => {
    const buckets = template.findResources('AWS::S3::Bucket');
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicAcls: true, RestrictPublicBuckets: true });
    }
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
    const config = distribution!.Properties.DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.Logging).toBeDefined();
  });

  it('sends every API path to the HTTP API, uncached, with all methods', () => {
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
    const behaviors = distribution!.Properties.DistributionConfig.CacheBehaviors as { PathPattern: string; AllowedMethods: string[] }[];
    for (const path of API_PATHS) {
      const behavior = behaviors.find((b) => b.PathPattern === `/${path}*`);
      expect(behavior, path).toBeDefined();
      expect(behavior!.AllowedMethods).toContain('POST');
    }
    expect(behaviors.length).toBeLessThanOrEqual(25); // CloudFront's default quota per distribution
  });

  it('vouches for what it forwards to the API with a header only the API knows', () => {
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
    const apiOrigin = (distribution!.Properties.DistributionConfig.Origins as { CustomOriginConfig?: unknown; OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }[]).find((o) => o.CustomOriginConfig);
    const header = apiOrigin?.OriginCustomHeaders?.find((h) => h.HeaderName === 'x-origin-verify');
    const apiEnv = Object.values(template.findResources('AWS::Lambda::Function')).map((f) => f.Properties.Environment?.Variables ?? {}).find((v) => v.ORIGIN_VERIFY);
    expect(header?.HeaderValue).toBeDefined();
    expect(header!.HeaderValue).toEqual(apiEnv!.ORIGIN_VERIFY);
    expect(JSON.stringify(header!.HeaderValue)).toContain('AWS::StackId');
  });

  it('reaches every route of the router through a behaviour, and no page through one', () => {
    const matches = (path: string) => API_PATHS.some((prefix) => path.startsWith(`/${prefix}`));
    for (const route of routeTable({} as never)) expect(matches(route.path), route.path).toBe(true);
    for (const page of ['/', '/employer', '/coordinator', '/phone', '/escort', '/assets/index.js']) expect(matches(page), page).toBe(false);
  });

  it('rewrites clean page URLs to their index.html', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', { FunctionCode: Match.stringLikeRegexp('/index\\.html') });
  });

  it('sends the security headers on every page and API answer: a CSP of our own origin, HSTS, no framing', () => {
    const policies = Object.entries(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(policies).toHaveLength(1);
    const [policyId, policy] = policies[0]!;
    const headers = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    // The hosted sign-in's domain prefix is a token here: the CSP is joined around the domain's Ref.
    const parts = headers.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Join'][1] as unknown[];
    expect(parts).toContainEqual({ Ref: logicalId(stack.auth.domain) });
    const text = parts.map((p) => (typeof p === 'string' ? p : 'PREFIX')).join('');
    const signIn = `https://PREFIX.auth.${TEST_ENV.region}.amazoncognito.com`;
    const directives = Object.fromEntries(text.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'connect-src': ["'self'", signIn],
      'frame-ancestors': ["'none'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    });
    expect(text).not.toMatch(/unsafe-eval|\*/);
    expect(headers).toMatchObject({
      ContentSecurityPolicy: { Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
      StrictTransportSecurity: { IncludeSubdomains: true, Override: true },
    });
    expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(365 * 24 * 3600);
    // The local runner sends the same policy (bin/local/static-pages.ts).
    const local = pageSecurityHeaders({ signInOrigin: signIn });
    expect(local['content-security-policy']).toBe(text);
    expect([local['x-frame-options'], local['referrer-policy']]).toEqual([headers.FrameOptions.FrameOption, headers.ReferrerPolicy.ReferrerPolicy]);

    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
    const config = distribution!.Properties.DistributionConfig;
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId, behavior.PathPattern ?? 'default').toEqual({ Ref: policyId });
    }
  });
});
