import type { Region, Station, StationRegistry } from '@opsdesk/stations';
import { ApiError } from '../http/api-error';

/**
 * The station a call names, and its region, as the caller may see them: a
 * station of another subsidiary is as unknown as a missing one (404), and
 * a named charging pile must be one of the station's (400).
 */
export async function reportedStation(
  stations: StationRegistry,
  report: { stationId: string; chargingPileId?: string },
  /** The caller's subsidiary; none for headquarters. */
  subsidiaryId: string | undefined,
): Promise<{ station: Station; region: Region }> {
  const station = await stations.findStation(report.stationId);
  const region = station && (await stations.regionOf(station.id));
  if (
    !station ||
    !region ||
    (subsidiaryId !== undefined && region.subsidiaryId !== subsidiaryId)
  ) {
    throw new ApiError(
      404,
      'STATION_NOT_FOUND',
      `No station ${report.stationId}`,
      { stationId: report.stationId },
    );
  }
  if (
    report.chargingPileId &&
    !station.chargingPileIds.includes(report.chargingPileId)
  ) {
    throw new ApiError(
      400,
      'INVALID_REQUEST',
      'chargingPileId is not at this station',
      {
        fields: [
          { field: 'chargingPileId', problems: ['not a pile of the station'] },
        ],
      },
    );
  }
  return { station, region };
}
