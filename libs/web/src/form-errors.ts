/** An error next to a form field; `field` is the input's id, so the error summary can link to it. */
export interface PageFieldError {
  field: string;
  message: string;
}
