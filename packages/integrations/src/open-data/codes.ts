/** Shapes of the official codes in the open-data files. */
export const LAD_CODE = /^E0[678]\d{6}$/;
export const LSOA_CODE = /^E01\d{6}$/;
export const ODS_CODE = /^[A-Z0-9]{3,6}$/;
export const ATCO_CODE = /^\d{3}[0-9A-Z]+$/;
export const NPTG_LOCALITY_CODE = /^[EN]\d{7}$/;
export const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
