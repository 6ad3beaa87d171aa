/** A text as unaccented lower-case words ("Cobán, 2025" → ["coban", "2025"]), as people type names. */
export function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9ñ]+/)
    .filter(Boolean)
    .map((w) => w.replace(/ñ/g, 'n'));
}

/** Where `needle` occurs as consecutive words of `haystack` (word indexes). */
export function occurrences(haystack: readonly string[], needle: readonly string[]): number[] {
  const found: number[] = [];
  if (!needle.length) return found;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    let j = 0;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) found.push(i);
  }
  return found;
}

/**
 * Words a request carries whatever its topic ("copia", "número", "el año pasado") or whatever
 * body it goes to ("funcionarios", "expediente"): they say nothing about which body is
 * competent, so they neither match nor dilute the topic's score. Phrases keep their gaps.
 */
export const REQUEST_WORDS = new Set(
  (
    'solicito solicitamos solicitar solicitud pido pedimos quiero quisiera queremos necesito saber conocer favor ' +
    'informacion copia copias certificada certificadas simple lista listado listados detalle detallado detallada ' +
    'numero numeros cantidad cantidades total totales cuanto cuantos cuanta cuantas cual cuales cuando donde como ' +
    'dato datos documento documentos relacion respecto acerca sobre segun desde hasta durante entre cada todo todos toda todas ' +
    'ano anos anual mes meses mensual dia dias semana semestre trimestre periodo fecha fechas actual actuales ' +
    'vigente vigentes ultimo ultimos ultima ultimas pasado pasada presente registrado registrados registrada registradas ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre ' +
    'mejor mejores peor bueno buena malo mala tiempo forma manera tipo tipos caso casos general ' +
    // Words about any public body rather than a matter: the office, its staff, its paperwork.
    'institucion instituciones entidad entidades dependencia dependencias oficina oficinas horario horarios ' +
    'tramite tramites expediente expedientes gestion gestiones director directora directores gerente jefe jefes ' +
    'funcionario funcionarios funcionaria empleado empleados personal gobierno estado gana ganan gasto gastos ' +
    'pais guatemala guatemalteco guatemaltecos guatemalteca guatemaltecas'
  ).split(' '),
);

/** Words that introduce a place ("en el municipio de …"): they are about where, not what. */
export const PLACE_CUES = new Set('municipio municipios departamento departamentos ciudad aldea aldeas caserio caserios'.split(' '));
