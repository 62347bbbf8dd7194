export const read_modelsLib = 'read-models';
