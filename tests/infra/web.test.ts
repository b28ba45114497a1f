// The pages behind CloudFront: a private bucket reached only through OAC, clean URLs, and the API on
// the same origin.
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { API_PATHS } from '../../lib/constructs/web.js';
import { synth } from './synth.js';

const { template } = synth();

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
      const behavior = behaviors.find((b) => b.PathPattern === `/${path}/*`);
      expect(behavior, path).toBeDefined();
      expect(behavior!.AllowedMethods).toContain('POST');
    }
  });

  it('rewrites clean page URLs to their index.html', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', { FunctionCode: Match.stringLikeRegexp('/index\\.html') });
  });
});
