/**
 * The layers, checked by `npm run lint` (part of `npm test`):
 * route table → handler → domain → data. Domain code knows no HTTP and no SDK; only data/ talks to
 * DynamoDB; no import cycles anywhere.
 */
module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-knows-no-http',
      comment: 'domain code must not import the http layer or handlers (map domain errors in http/)',
      severity: 'error',
      from: { path: '^functions/src/domain/' },
      to: { path: '^functions/src/(http|handlers|local)/' },
    },
    {
      name: 'sdk-only-in-data',
      comment: 'raw AWS SDK calls live in functions/src/data (and the local stack, bench, jobs wiring)',
      severity: 'error',
      from: { path: '^functions/src/(domain|http|handlers|auth)/', pathNot: '(\\.test\\.ts|auth/secrets\\.ts)$' },
      to: { path: '@aws-sdk/' },
    },
    {
      name: 'keys-only-in-data',
      comment: 'only data/ builds keys and holds the client; others call data functions',
      severity: 'error',
      from: { path: '^functions/src/', pathNot: '^functions/src/(data|local|bench|seed|docs)/' },
      to: { path: '^functions/src/data/(keys|client)\\.ts$' },
    },
    {
      name: 'shared-is-standalone',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(functions|miniapp|cdk)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
