export const stationsLib = 'stations';
