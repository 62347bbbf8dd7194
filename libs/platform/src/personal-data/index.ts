export * from './data-key-vault';
export * from './personal-data.migrations';
export * from './personal-fields';
export * from './sealed-text';
