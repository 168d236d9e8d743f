// Places and routes: the offline gazetteer, vendor coordinates, the parcel's route.
export {
  cityNamed,
  provinceNamed,
  cityByCode,
  cityAtStartOf,
  cityInScan,
  cityOfAddress,
  GAZETTEER_CITIES,
  GAZETTEER_PROVINCES,
  type GazetteerCity,
  type GazetteerProvince,
} from './gazetteer'
export { shortCityName, shortProvinceName } from './placeNames'
