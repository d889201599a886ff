// usage: node check-dashboard.mjs dashboard.json... (from a folder where `npm ci` installed package.json's packages)
// Type-checks each dashboard JSON against @grafana/schema's Dashboard type with `tsc --strict`: wrong enum values,
// wrong types, missing required fields and unknown keys fail. Panel options and targets are loosely typed by the
// schema itself, so only their skeleton is checked.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

// Lit<> turns the schema's TypeScript string enums into their literal values, which is what the JSON holds
// ("mode": "absolute" is not assignable to the enum ThresholdsMode, but is to its value).
// The schema types an annotation's target as the generic DataQuery, which has no PromQL; Grafana's Prometheus
// data source reads target.expr (and the fields below, from its PrometheusDataQuery kind), so annotation targets
// are checked against that query type instead of failing on every Prometheus annotation.
const header = `import type { AnnotationContainer, AnnotationQuery, Dashboard, DataQuery } from '@grafana/schema';
type Lit<T> = T extends string ? \`\${T}\` : T extends number | boolean | null | undefined ? T
  : T extends Array<infer U> ? Lit<U>[] : T extends object ? { [K in keyof T]: Lit<T[K]> } : T;
interface PrometheusQuery extends DataQuery {
  expr?: string; interval?: string; intervalFactor?: number; legendFormat?: string;
  instant?: boolean; range?: boolean; exemplar?: boolean;
  format?: 'time_series' | 'table' | 'heatmap'; editorMode?: 'code' | 'builder';
}
type Checked = Omit<Dashboard, 'annotations'>
  & { annotations?: Omit<AnnotationContainer, 'list'> & { list?: AnnotationQuery<PrometheusQuery>[] } };
`;

let failed = 0;
for (const file of process.argv.slice(2)) {
  const json = readFileSync(file, 'utf8');
  JSON.parse(json);
  writeFileSync('.dashboard-check.ts', `${header}const d: Lit<Checked> = ${json};\nexport default d;\n`);
  try {
    execFileSync('npx', ['--no-install', 'tsc', '--noEmit', '--strict', '--skipLibCheck', '--moduleResolution', 'bundler',
      '--module', 'esnext', '--target', 'es2020', '.dashboard-check.ts'], { stdio: 'inherit' });
    console.log('OK: ' + file + ' conforms to @grafana/schema Dashboard');
  } catch (e) {
    console.log('INVALID: ' + file);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
