/**
 * Descriptions a citizen might type, each with the body competent for it (or `A|B` when
 * either is: a ministry and its own directorate, two bodies that share the matter). They
 * were written from each body's competences in its organic law, before the ranking was
 * tuned, across the ministries, the big autonomous bodies, the courts, municipalities and
 * governorships named by place. Shared by the routing e2e suite and `bench/routing.bench.ts`.
 */
export const ROUTING_TABLE: [description: string, competent: string][] = [
  // Ministerio de Agricultura, Ganadería y Alimentación
  ['Entrega de fertilizantes a pequeños agricultores de Chimaltenango en 2025', 'MAGA'],
  ['Casos de gusano barrenador en el ganado y controles de sanidad animal', 'MAGA'],
  ['Proyectos de riego para cultivos de maíz y frijol en el oriente del país', 'MAGA'],
  // Ministerio de Comunicaciones, Infraestructura y Vivienda and its directorates
  ['Reparación de la carretera entre Cobán y Chisec', 'MICIVI|COVIAL|DGC'],
  ['Contratos para construir el puente sobre el río Motagua', 'MICIVI|DGC'],
  ['Programa de subsidio de vivienda para familias de escasos recursos', 'MICIVI|FOPAVI'],
  ['Vuelos y pasajeros registrados en el aeropuerto La Aurora', 'DGAC|MICIVI'],
  ['Accidentes de tránsito atendidos en la carretera Interamericana', 'PROVIAL|PNC'],
  // Ministerio de Cultura y Deportes
  ['Visitantes y presupuesto del parque nacional Tikal', 'MCD|CONAP'],
  ['Restauración de sitios arqueológicos y museos nacionales', 'MCD'],
  ['Apoyo a grupos de marimba y artistas de música tradicional', 'MCD'],
  // Ministerio de la Defensa Nacional
  ['Número de soldados del Ejército destacados en la frontera con México', 'MINDEF'],
  ['Compra de armas y municiones para las fuerzas armadas', 'MINDEF'],
  ['Licencias de tenencia y portación de armas de fuego emitidas en 2025', 'MINDEF'],
  // Ministerio de Desarrollo Social
  ['Beneficiarios del bono social de transferencias monetarias en Alta Verapaz', 'MIDES'],
  ['Comedores sociales abiertos en la ciudad y raciones servidas', 'MIDES'],
  // Ministerio de Economía
  ['Acuerdos de libre comercio vigentes y exportaciones a Centroamérica', 'MINECO'],
  ['Programas de apoyo a micro, pequeñas y medianas empresas', 'MINECO'],
  ['Registro de sociedades anónimas y patentes de comercio', 'RM|MINECO'],
  // Ministerio de Educación
  ['Número de maestros por escuela en el municipio de Todos Santos Cuchumatán', 'MINEDUC'],
  ['Cuántos niños recibieron alimentación escolar en las escuelas de Jalapa', 'MINEDUC'],
  ['Entrega de libros de texto a estudiantes de primaria', 'MINEDUC'],
  ['Plazas de docentes contratados en el renglón 011 en 2025', 'MINEDUC'],
  // Ministerio de Energía y Minas
  ['Derechos mineros otorgados en el departamento de Izabal', 'MEM'],
  ['Licencias de exploración de petróleo vigentes en Petén', 'MEM'],
  ['Precios de la gasolina y el diésel y control de las gasolineras', 'MEM'],
  // Ministerio de Finanzas Públicas
  ['Ejecución presupuestaria de los ministerios en el primer semestre', 'MINFIN'],
  ['Monto de la deuda pública externa y bonos del tesoro emitidos', 'MINFIN'],
  ['Contratos adjudicados en Guatecompras a una empresa constructora', 'MINFIN'],
  // Ministerio de Gobernación and its directorates
  ['Número de agentes de policía asignados a la comisaría de Escuintla', 'PNC|MINGOB'],
  ['Cantidad de privados de libertad en las cárceles del país y su capacidad', 'DGSP|MINGOB'],
  ['Inscripción de asociaciones y ONG ante el registro de personas jurídicas', 'RPJ|MINGOB'],
  // Ministerio de Ambiente y Recursos Naturales
  ['Estudios de impacto ambiental aprobados para proyectos en Escuintla', 'MARN'],
  ['Contaminación del río Motagua por desechos sólidos', 'MARN'],
  ['Denuncias por descargas de aguas residuales de fábricas en los ríos', 'MARN'],
  // Ministerio de Relaciones Exteriores
  ['Servicios consulares a guatemaltecos en Estados Unidos y número de consulados', 'MINEX'],
  ['Trámite de apostilla de documentos para el extranjero', 'MINEX'],
  // Ministerio de Salud Pública y Asistencia Social
  ['Contratación de médicos en el hospital regional de Huehuetenango', 'MSPAS'],
  ['Abastecimiento de medicamentos en los centros de salud de Quiché', 'MSPAS'],
  ['Casos de dengue registrados por área de salud', 'MSPAS'],
  ['Licencias sanitarias otorgadas a restaurantes', 'MSPAS'],
  // Ministerio de Trabajo y Previsión Social
  ['Inspecciones de trabajo por despidos injustificados en fincas', 'MINTRAB'],
  ['Salario mínimo vigente para actividades agrícolas y no agrícolas', 'MINTRAB'],
  ['Denuncias de trabajo infantil en el país', 'MINTRAB'],
  // Secretariats and executive bodies
  ['Pauta publicitaria del gobierno en medios de comunicación', 'SCSPR'],
  ['Agenda del Presidente y sus viajes oficiales', 'SPR|SGP'],
  ['Proyectos de inversión pública registrados en el SNIP', 'SEGEPLAN'],
  ['Albergues habilitados y damnificados por las lluvias', 'SE-CONRED'],
  ['Registros de sismos y actividad del volcán de Fuego', 'INSIVUMEH'],
  ['Casos de desnutrición aguda en niños menores de cinco años', 'SESAN|MSPAS'],
  ['Convocatorias para plazas vacantes en el servicio civil', 'ONSEC'],
  ['Víctimas de trata de personas atendidas en albergues', 'SVET'],
  ['Hogares de protección para niños y adolescentes', 'SBS'],
  ['Bienes incautados al narcotráfico en extinción de dominio', 'SENABED'],
  ['Becas de posgrado para investigadores en ciencia y tecnología', 'SENACYT|CONCYT'],
  ['Denuncias por discriminación racial contra pueblos indígenas', 'CODISRA'],
  ['Frecuencias de radio y televisión asignadas', 'SIT'],
  ['Tarifas de energía eléctrica y quejas contra la distribuidora', 'CNEE'],
  ['Incendios en áreas protegidas de la Reserva de la Biosfera Maya', 'CONAP|INAB'],
  ['Estado de la contaminación del lago de Atitlán', 'AMSCLAE'],
  ['Certificación de una finca inscrita y sus gravámenes', 'RGP|SRP'],
  // Autonomous and decentralized bodies
  ['Pago del impuesto de circulación de vehículos y placas', 'SAT'],
  ['Mercadería decomisada en las aduanas de Tecún Umán', 'SAT'],
  ['Tiempo de espera para cirugías en los hospitales del Seguro Social', 'IGSS'],
  ['Pensiones por invalidez, vejez y sobrevivencia pagadas a afiliados', 'IGSS'],
  ['Estudiantes inscritos en la universidad pública por carrera', 'USAC'],
  ['Ingreso de remesas familiares por mes en 2025', 'BANGUAT'],
  ['Informes de auditoría a municipalidades del departamento de Jutiapa', 'CGC'],
  ['Declaraciones juradas patrimoniales de funcionarios públicos', 'CGC'],
  ['Denuncias por extorsión recibidas en la fiscalía de Quetzaltenango', 'MP'],
  ['Casos de corrupción investigados por la fiscalía especial', 'MP'],
  ['Juicios de pensión alimenticia promovidos por la procuraduría de la niñez', 'PGN'],
  ['Expedientes de quejas por abuso de autoridad contra funcionarios', 'PDH'],
  ['Inscripción de nacimientos y entrega de DPI en Sololá', 'RENAP'],
  ['Certificados de defunción emitidos durante la pandemia', 'RENAP'],
  ['Financiamiento de campañas de partidos políticos en las elecciones generales', 'TSE'],
  ['Número de ciudadanos empadronados por municipio', 'TSE'],
  ['Préstamos otorgados a municipalidades para proyectos de agua potable', 'INFOM'],
  ['Quejas de usuarios contra bancos por cobros de tarjetas de crédito', 'SIB'],
  ['Licencias de tala de árboles y aprovechamiento forestal en Petén', 'INAB'],
  ['Emisión de pasaportes y tiempo de entrega', 'IGM'],
  ['Guatemaltecos deportados desde Estados Unidos por vuelo', 'IGM|MINEX'],
  ['Turistas extranjeros que visitaron el país en 2025', 'INGUAT'],
  ['Electrificación rural en comunidades de Alta Verapaz', 'INDE'],
  ['Resultados del censo de población y vivienda', 'INE'],
  ['Levantamiento catastral de terrenos en Petén', 'RIC'],
  ['Créditos para compra de tierras a campesinos', 'FONTIERRAS'],
  ['Personas alfabetizadas en 2025 por departamento', 'CONALFA'],
  ['Necropsias realizadas por muertes violentas', 'INACIF'],
  ['Abogados de la defensa pública penal asignados a detenidos', 'IDPP'],
  ['Presupuesto de las federaciones deportivas y atletas becados', 'CDAG'],
  ['Adopciones de niños autorizadas en 2025', 'CNA'],
  ['Cooperativas de ahorro y crédito supervisadas', 'INGECOP|INACOP'],
  ['Cursos de capacitación técnica en oficios para jóvenes', 'INTECAP'],
  ['Operaciones y contenedores en Puerto Quetzal', 'EPQ'],
  // Congress and the courts
  ['Votación de los diputados sobre el presupuesto en el pleno', 'CONGRESO'],
  ['Número de jueces por juzgado y procesos pendientes en Huehuetenango', 'OJ'],
  ['Sentencias dictadas por los tribunales de femicidio', 'OJ'],
  ['Amparos presentados ante la Corte de Constitucionalidad en 2025', 'CC'],
  ['Acciones de inconstitucionalidad contra leyes aprobadas', 'CC'],
  // Municipalities and governorships named by place
  ['Recolección de basura y tren de aseo en Villa Nueva', 'MUNI-0115'],
  ['Cobro del IUSI y boleto de ornato en Antigua Guatemala', 'MUNI-0301'],
  ['Agua potable y drenajes en las aldeas de San Juan Sacatepéquez', 'MUNI-0110'],
  ['Sueldo del alcalde y dietas del concejo municipal de Puerto Barrios', 'MUNI-1801'],
  ['Administración del mercado municipal de Chichicastenango', 'MUNI-1406'],
  ['Alumbrado público y pavimentación de calles en Zacapa', 'MUNI-1901'],
  ['Licencias de construcción emitidas en San Miguel Petapa en 2025', 'MUNI-0117'],
  ['Presupuesto municipal de Santiago Atitlán para 2026', 'MUNI-0719'],
  ['Nichos y cobros del cementerio de Totonicapán', 'MUNI-0801'],
  ['Multas impuestas por la policía municipal de tránsito de Quetzaltenango', 'MUNI-0901'],
  ['Autorizaciones de espectáculos públicos de la gobernación de Petén', 'GOB-17'],
  ['Proyectos aprobados por el Consejo Departamental de Desarrollo de Sololá', 'GOB-07|SCEP'],
];
