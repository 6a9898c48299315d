import { US_STATES } from "./us-states";

/** Postal codes that are also common words or abbreviations (OR, IN, ME, OK, HI, ID, IL) and DC are left out. */
const STATE_CODES_ALSO_WORDS = new Set(["OR", "IN", "ME", "OK", "HI", "ID", "IL", "DC"]);

/**
 * Synonyms and abbreviations for common skills, titles and fields. Each concept lists the ways it is
 * written; a variant starting with "=" is matched case-sensitively on the original spelling (so "Go"
 * the language is not "go" the verb, "RN" is not "rn", "ML" is not millilitres "ml"). Other variants
 * match on Porter stems, so "managed", "managing" and "management" are the same word.
 * `implies` adds broader concepts: PostgreSQL experience is SQL experience, Salesforce is a CRM.
 *
 * Keep entries to what a recruiter would accept as the same thing; anything vaguer belongs in the
 * criterion text itself.
 */

export interface ConceptDef {
  id: string;
  variants: readonly string[];
  implies?: readonly string[];
  /**
   * Named products of this category: each becomes its own concept (so "NetSuite" does not match
   * "SAP") that implies the category (so both match "ERP experience").
   */
  products?: readonly string[];
  /** Set on the concepts made from `products`: a name, matched as written (lower-cased), not stemmed. */
  product?: boolean;
}

export const CONCEPTS: readonly ConceptDef[] = [
  // ---- languages & frameworks
  { id: "javascript", variants: ["javascript", "js", "ecmascript", "es6", "es2015"] },
  { id: "typescript", variants: ["typescript", "=TS"], implies: ["javascript"] },
  { id: "nodejs", variants: ["nodejs", "node"], implies: ["javascript", "backend"] },
  { id: "react", variants: ["react", "reactjs"], implies: ["javascript", "frontend"] },
  { id: "react_native", variants: ["react native"], implies: ["react", "mobile"] },
  { id: "vue", variants: ["vue", "vuejs"], implies: ["javascript", "frontend"] },
  { id: "angular", variants: ["angular", "angularjs"], implies: ["javascript", "frontend"] },
  { id: "nextjs", variants: ["nextjs"], implies: ["react"] },
  { id: "python", variants: ["python", "python3"] },
  { id: "django", variants: ["django"], implies: ["python", "backend"] },
  { id: "flask", variants: ["flask", "fastapi"], implies: ["python", "backend"] },
  { id: "golang", variants: ["golang", "=Go"] },
  { id: "java", variants: ["java", "=J2EE"] },
  { id: "spring", variants: ["spring boot", "spring framework"], implies: ["java", "backend"] },
  { id: "kotlin", variants: ["kotlin"] },
  // Languages and tools named by common words: a concept each, so SENSES can tell the senses apart.
  { id: "rust", variants: ["rust", "rustlang"] },
  { id: "julia", variants: ["julia", "julialang"] },
  { id: "dart", variants: ["dart", "dartlang"] },
  { id: "pandas", variants: ["pandas"], implies: ["python"] },
  { id: "hive", variants: ["hive", "apache hive", "hiveql"] },
  { id: "chef_infra", variants: ["chef", "chef infra", "opscode chef"] },
  { id: "slack", variants: ["slack"] },
  { id: "zoom", variants: ["zoom", "zoom meetings"] },
  { id: "csharp", variants: ["csharp"] },
  { id: "dotnet", variants: ["dotnet", "asp dotnet"] },
  { id: "cplusplus", variants: ["cplusplus", "cpp"] },
  { id: "ruby", variants: ["ruby"] },
  { id: "rails", variants: ["rails", "ruby on rails", "=RoR"], implies: ["ruby", "backend"] },
  { id: "php", variants: ["php", "laravel"] },
  { id: "swift", variants: ["swift", "swiftui"], implies: ["ios"] },
  { id: "ios", variants: ["ios"], implies: ["mobile"] },
  { id: "android", variants: ["android"], implies: ["mobile"] },
  { id: "mobile", variants: ["mobile app", "mobile apps", "mobile development", "mobile engineer", "mobile developer"] },
  { id: "html_css", variants: ["html", "css", "html5", "css3", "sass", "tailwind"] },
  { id: "graphql", variants: ["graphql"] },
  { id: "rest", variants: ["rest api", "rest apis", "restful", "=REST"] },
  { id: "microservices", variants: ["microservice", "microservices", "micro services", "service oriented architecture", "=SOA"] },
  // ---- data & infrastructure
  { id: "sql", variants: ["sql", "=T-SQL", "plsql"] },
  { id: "postgresql", variants: ["postgresql", "postgres", "psql"], implies: ["sql"] },
  { id: "mysql", variants: ["mysql", "mariadb"], implies: ["sql"] },
  { id: "sql_server", variants: ["sql server", "mssql"], implies: ["sql"] },
  { id: "mongodb", variants: ["mongodb", "mongo"], implies: ["nosql"] },
  { id: "nosql", variants: ["nosql"], products: ["dynamodb", "cassandra", "couchbase"] },
  { id: "redis", variants: ["redis"] },
  { id: "kafka", variants: ["kafka", "apache kafka", "kinesis"] },
  { id: "spark", variants: ["spark", "apache spark", "pyspark"], products: ["databricks"] },
  { id: "kubernetes", variants: ["kubernetes", "k8s", "openshift"], implies: ["containers"] },
  // A cloud's managed Kubernetes is Kubernetes on that cloud.
  { id: "eks", variants: ["=EKS", "amazon eks"], implies: ["kubernetes", "aws"] },
  { id: "gke", variants: ["=GKE", "google kubernetes engine"], implies: ["kubernetes", "gcp"] },
  { id: "aks", variants: ["=AKS", "azure kubernetes service"], implies: ["kubernetes", "azure"] },
  { id: "docker", variants: ["docker"], implies: ["containers"] },
  { id: "containers", variants: ["container", "containers", "containerization", "containerized"] },
  { id: "aws", variants: ["aws", "amazon web services", "=EC2", "=S3", "lambda"], implies: ["cloud"] },
  { id: "gcp", variants: ["gcp", "google cloud", "google cloud platform"], implies: ["cloud"] },
  { id: "azure", variants: ["azure", "microsoft azure"], implies: ["cloud"] },
  { id: "cloud", variants: ["cloud"] },
  { id: "terraform", variants: ["terraform", "pulumi", "cloudformation"], implies: ["iac"] },
  { id: "iac", variants: ["infrastructure as code", "=IaC"] },
  { id: "ci_cd", variants: ["cicd", "continuous integration", "continuous delivery", "continuous deployment"], products: ["jenkins", "github actions", "gitlab ci", "circleci", "argo cd|argocd"] },
  { id: "devops", variants: ["devops", "dev ops", "site reliability", "=SRE"] },
  { id: "linux", variants: ["linux", "unix", "ubuntu"] },
  { id: "git", variants: ["git", "github", "gitlab"] },
  { id: "machine_learning", variants: ["machine learning", "=ML", "deep learning"], products: ["scikit learn|sklearn", "pytorch", "tensorflow|keras"] },
  { id: "ai", variants: ["artificial intelligence", "=AI", "=LLM", "=LLMs"] },
  { id: "nlp", variants: ["natural language processing", "=NLP"], implies: ["machine_learning"] },
  { id: "data_science", variants: ["data science", "data scientist"] },
  { id: "etl", variants: ["etl", "elt", "data pipeline", "data pipelines"], products: ["airflow", "dbt"] },
  { id: "bi_tools", variants: ["business intelligence", "=BI", "data visualization", "dashboards"], products: ["tableau", "power bi|powerbi", "looker"] },
  { id: "analysis", variants: ["analysis", "analytics", "analytical", "analyze", "analyse", "analyst"] },
  { id: "testing", variants: ["unit testing", "unit tests", "test automation", "automated testing", "automated tests", "=TDD"], products: ["jest", "pytest", "cypress", "selenium", "playwright"] },
  { id: "qa", variants: ["quality assurance", "=QA"] },
  // ---- roles / areas
  { id: "backend", variants: ["backend", "back end", "server side"] },
  { id: "frontend", variants: ["frontend", "front end", "client side"] },
  { id: "fullstack", variants: ["full stack", "fullstack"], implies: ["backend", "frontend", "software_engineer"] },
  {
    id: "software_engineer",
    variants: [
      "software engineer", "software engineering", "software developer", "software development", "=SWE", "=SDE",
      "programmer", "backend engineer", "backend developer", "frontend engineer", "frontend developer",
      "web developer", "application developer", "mobile engineer", "mobile developer", "platform engineer",
      "site reliability engineer", "devops engineer", "data engineer", "machine learning engineer", "=ML engineer",
      "engineering manager",
    ],
  },
  { id: "people_management", variants: [
    "people management", "people manager", "managed a team", "manage a team", "managing a team", "managed team",
    "manage team", "managing team", "led a team", "lead a team", "leading a team", "led team", "team lead", "team leader",
    "direct reports", "supervised", "supervising", "engineering manager", "charge nurse", "nurse manager", "team manager",
    "sales manager", "support manager", "managed a staff", "managed staff", "supervisor", "supervisory", "supervision",
    "foreman", "shift lead", "shift supervisor", "crew lead", "department chair", "head of", "managed a brigade", "manage a brigade",
    "managing people", "manage people", "managed people", "staff management", "staff supervision", "managing staff", "team management",
  ] },
  { id: "mentoring", variants: ["mentor", "mentored", "mentoring", "coached", "coaching"] },
  { id: "product_manager", variants: ["product manager", "product management", "=PM"] },
  { id: "project_management", variants: ["project management", "project manager", "program manager", "program management"] },
  { id: "pmp", variants: ["=PMP", "project management professional"], implies: ["project_management"] },
  { id: "agile", variants: ["agile", "scrum", "kanban", "sprint planning"] },
  { id: "communication", variants: ["communication", "communicator", "communicate", "communicating"] },
  { id: "stakeholder", variants: ["stakeholder", "stakeholders", "cross functional"] },
  // ---- healthcare
  { id: "nursing", variants: ["nursing", "nurse"] },
  { id: "registered_nurse", variants: ["registered nurse", "=RN"], implies: ["nursing"] },
  { id: "bsn", variants: ["=BSN", "bachelor of science in nursing"], implies: ["nursing"] },
  // Licences and certifications written either way: "Certified Occupational Therapy Assistant" is an
  // OTA, "Licensed Vocational Nurse" is what two states call an LPN.
  { id: "lpn", variants: ["licensed practical nurse", "licensed vocational nurse", "=LPN", "=LVN"], implies: ["nursing"] },
  { id: "radiographer", variants: ["radiographer", "radiography", "radiologic technologist", "radiologic technician", "radiology technologist", "x ray technologist", "x ray technician", "x ray tech"] },
  { id: "cna", variants: ["certified nursing assistant", "certified nurse aide", "certified nurse assistant", "=CNA"] },
  { id: "ota", variants: ["occupational therapy assistant", "=OTA", "=COTA"] },
  { id: "emt", variants: ["emergency medical technician", "=EMT"] },
  { id: "rrt", variants: ["registered respiratory therapist", "=RRT"] },
  { id: "cpht", variants: ["certified pharmacy technician", "=CPhT"] },
  { id: "bls", variants: ["basic life support", "=BLS", "=CPR"] },
  { id: "acls", variants: ["advanced cardiac life support", "=ACLS"] },
  { id: "pals", variants: ["pediatric advanced life support", "=PALS"] },
  { id: "icu", variants: ["intensive care", "intensive care unit", "=ICU", "critical care", "=CCU", "=MICU", "=SICU"] },
  { id: "emergency_dept", variants: ["emergency room", "emergency department", "=ER", "=ED", "emergency medicine", "trauma center"] },
  { id: "med_surg", variants: ["medical surgical", "med surg", "medsurg"] },
  { id: "pediatrics", variants: ["pediatric", "pediatrics", "paediatric", "=PICU", "=NICU"] },
  { id: "emr", variants: ["electronic medical record", "electronic medical records", "electronic health record", "electronic health records", "=EMR", "=EHR", "charting system"], products: ["epic", "cerner", "meditech", "pointclickcare", "athenahealth|athenaone", "eclinicalworks", "nextgen|nextgen healthcare", "allscripts|veradigm", "matrixcare", "netsmart"] },
  // ---- sales
  { id: "sales", variants: ["sales", "selling", "account executive", "=AE", "=SDR", "=BDR", "sales development", "business development", "inside sales", "outside sales"] },
  { id: "b2b", variants: ["b2b", "business to business", "enterprise sales", "mid market"] },
  { id: "saas", variants: ["saas", "software as a service"] },
  { id: "crm", variants: ["crm", "customer relationship management"] },
  { id: "salesforce", variants: ["salesforce", "=SFDC"], implies: ["crm"] },
  { id: "hubspot", variants: ["hubspot"], implies: ["crm"] },
  { id: "dynamics", variants: ["dynamics 365", "microsoft dynamics", "dynamics crm", "=D365"], implies: ["crm"] },
  { id: "zoho", variants: ["zoho", "zoho crm"], implies: ["crm"] },
  { id: "pipedrive", variants: ["pipedrive"], implies: ["crm"] },
  { id: "quota", variants: ["quota", "quotas", "of target", "of plan"] },
  { id: "cold_calling", variants: ["cold calling", "cold call", "cold calls", "outbound prospecting", "prospecting"] },
  { id: "negotiation", variants: ["negotiation", "negotiating", "negotiate", "negotiated"] },
  { id: "account_management", variants: ["account management", "account manager", "key accounts"] },
  // ---- design
  { id: "figma", variants: ["figma"] },
  { id: "sketch", variants: ["sketch app"] },
  { id: "adobe_cs", variants: ["adobe creative suite", "adobe creative cloud", "creative cloud", "creative suite"], products: ["photoshop|adobe photoshop", "illustrator|adobe illustrator", "indesign|adobe indesign", "adobe xd", "after effects|adobe after effects", "premiere pro|premiere|adobe premiere|adobe premiere pro"] },
  { id: "ux", variants: ["ux", "user experience", "ux design", "interaction design", "=UX/UI", "product design", "product designer", "ux designer"] },
  { id: "ui", variants: ["=UI", "user interface", "ui design", "visual design", "ui designer"] },
  { id: "user_research", variants: ["user research", "usability testing", "user interviews", "usability studies", "usability study"] },
  { id: "prototyping", variants: ["prototype", "prototypes", "prototyping", "wireframe", "wireframes", "wireframing"] },
  { id: "design_systems", variants: ["design system", "design systems", "component library"] },
  { id: "portfolio", variants: ["portfolio"] },
  // ---- finance & accounting
  { id: "finance", variants: ["finance", "financial", "controller", "comptroller", "treasury", "fixed income", "investment banking", "corporate finance", "financial analyst"] },
  { id: "accounting", variants: ["accounting", "accountant", "accounts payable", "accounts receivable", "bookkeeping", "bookkeeper"], implies: ["finance"] },
  { id: "cpa", variants: ["certified public accountant", "=CPA"], implies: ["accounting"] },
  { id: "cfa", variants: ["chartered financial analyst", "=CFA"], implies: ["finance"] },
  { id: "financial_modeling", variants: ["financial modeling", "financial modelling", "financial models", "financial model", "=DCF", "=LBO", "three statement model"] },
  { id: "fpa", variants: ["=FP&A", "fp a", "financial planning and analysis", "financial planning analysis"], implies: ["finance"] },
  { id: "excel", variants: ["=Excel", "=EXCEL", "microsoft excel", "ms excel", "spreadsheet", "spreadsheets", "=VBA", "pivot tables", "vlookup"] },
  { id: "gaap", variants: ["gaap", "=IFRS"] },
  { id: "budgeting", variants: ["budget", "budgets", "budgeting", "forecast", "forecasts", "forecasting"] },
  { id: "erp", variants: ["erp", "enterprise resource planning", "accounting software"], products: ["netsuite", "=SAP", "oracle financials", "quickbooks", "xero", "sage intacct", "epicor", "=Plex|plex erp", "infor", "jd edwards|=JDE", "sage x3", "=QAD", "syspro"] },
  { id: "audit", variants: ["audit", "audits", "auditing", "auditor"] },
  { id: "reconciliation", variants: ["reconciliation", "reconciliations", "reconcile", "reconciled", "month end close", "month end", "close process"] },
  // ---- customer support
  { id: "customer_support", variants: [
    "customer support", "customer service", "technical support", "tech support", "customer success", "customer care",
    "help desk", "helpdesk", "service desk", "support specialist", "support agent", "support engineer", "support representative",
    "client support",
  ] },
  { id: "ticketing", variants: ["ticketing", "ticketing system", "ticketing tool", "help desk software", "helpdesk software", "ticket queue"], products: ["zendesk", "freshdesk", "intercom", "jira service management|jira service desk", "servicenow", "help scout", "gorgias", "salesforce service cloud|service cloud", "kustomer"] },
  { id: "csat", variants: ["=CSAT", "customer satisfaction", "=NPS", "net promoter"] },
  { id: "sla", variants: ["=SLA", "=SLAs", "service level agreement", "service level agreements", "service levels"] },
  { id: "troubleshooting", variants: ["troubleshooting", "troubleshoot", "troubleshot", "debugging", "debug"] },
  // ---- languages spoken
  { id: "spanish", variants: ["spanish", "espanol"] },
  { id: "french", variants: ["french"] },
  { id: "german", variants: ["german"] },
  { id: "mandarin", variants: ["mandarin", "chinese"] },
  // ---- engineering tools and licences
  { id: "cad", variants: ["=CAD", "computer aided design", "3d modeling", "3d modelling"], products: ["solidworks", "catia", "autocad", "creo", "siemens nx", "autodesk inventor", "fusion 360", "revit", "microstation"] },
  { id: "civil_3d", variants: ["civil 3d", "autocad civil 3d"], implies: ["autocad", "cad"] },
  { id: "pe_license", variants: ["professional engineer", "=PE", "=P.E.", "=PE license", "=PE licence"] },
  { id: "eit", variants: ["engineer in training", "=EIT", "=E.I.T.", "fundamentals of engineering", "=FE exam"] },
  { id: "pm_tools", variants: ["project management software", "project management tool", "project tracking"], products: ["=Jira", "asana", "trello", "clickup", "smartsheet", "basecamp", "wrike"] },
  { id: "ats_tools", variants: ["applicant tracking system", "applicant tracking", "=ATS"], products: ["=Greenhouse", "=Lever", "icims", "taleo", "smartrecruiters", "jobvite"] },
  { id: "hcm", variants: ["=HCM", "=HRIS", "human capital management", "hr information system", "human resources information system", "hr system"], products: ["=Workday|workday hcm", "successfactors|sap successfactors", "=ADP|adp workforce now", "=UKG|ultipro", "bamboohr", "oracle hcm", "paylocity", "paycom", "gusto", "cezanne hr", "ciphr", "hibob", "personio", "itrent|mhr itrent", "sage hr|sage people", "=Rippling"] },
  { id: "planning_tools", variants: ["planning software", "=EPM", "enterprise performance management"], products: ["adaptive planning|workday adaptive planning|adaptive insights", "anaplan", "hyperion|essbase|oracle hyperion", "planful", "oracle epm", "pigment", "vena"] },
  { id: "siem", variants: ["=SIEM", "security information and event management", "log management"], products: ["splunk|splunk enterprise|splunk es", "qradar", "microsoft sentinel|azure sentinel", "arcsight", "elastic siem", "logrhythm", "sumo logic"] },
  { id: "web_analytics", variants: ["web analytics", "digital analytics", "product analytics"], products: ["google analytics|=GA4", "adobe analytics", "mixpanel", "amplitude", "heap analytics", "matomo"] },
  { id: "ediscovery", variants: ["ediscovery", "e discovery", "document review platform", "litigation support"], products: ["relativity", "everlaw", "logikcull", "=DISCO", "nuix", "concordance"] },
  { id: "dispensing", variants: ["automated dispensing", "automated dispensing cabinet", "automated dispensing cabinets", "dispensing cabinets"], products: ["pyxis", "omnicell"] },
  { id: "cat_tools", variants: ["=CAT tool", "=CAT tools", "computer assisted translation", "translation memory"], products: ["trados|sdl trados|trados studio", "memoq", "wordfast", "smartcat", "phrase tms|memsource", "=Déjà Vu"] },
  { id: "market_data", variants: ["market data terminal", "financial data platform"], products: ["bloomberg|bloomberg terminal", "refinitiv|refinitiv eikon|eikon", "factset", "capital iq|s p capital iq", "pitchbook"] },
  { id: "lms", variants: ["=LMS", "learning management system", "learning management systems"], products: ["=Canvas|canvas lms", "blackboard", "moodle", "schoology", "google classroom", "brightspace|d2l"] },
  { id: "scheduling_tools", variants: ["construction scheduling", "schedule management"], products: ["primavera|primavera p6|=P6", "microsoft project|ms project"] },
  { id: "documentation", variants: ["documentation", "help center articles", "help articles", "knowledge base", "knowledge base articles", "user guides", "user guide", "technical writing", "runbooks", "manuals"] },
  // A nurse's or clinician's documentation is charting (not charts of sales: see SENSES).
  { id: "charting", variants: ["charting", "charted"], implies: ["documentation"] },
  { id: "healthcare", variants: ["healthcare", "health care", "health system", "health systems", "clinical", "clinic", "clinics", "patient care"] },
  // A hospital is healthcare, but "hospital pharmacy" asks for a hospital, not any healthcare setting.
  { id: "hospital", variants: ["hospital", "hospitals", "medical center", "medical centre", "infirmary"], implies: ["healthcare"] },
  { id: "translation_field", variants: ["translation", "translating", "translator", "traducao", "traduccion", "traduction", "ubersetzung", "interpreting", "interpreter", "letras"] },
  { id: "legal_research", variants: ["legal research", "legal research platform"], products: ["westlaw", "lexisnexis|lexis nexis|lexis", "bloomberg law", "fastcase"] },
  { id: "practice_mgmt", variants: ["practice management software", "case management software", "legal case management"], products: ["clio", "mycase", "practicepanther", "filevine", "smokeball"] },
  { id: "pos", variants: ["=POS", "point of sale", "point of sale system"], products: ["toast|toast pos", "square|square pos", "micros|oracle micros", "lightspeed", "clover"] },
  { id: "pms", variants: ["=PMS", "property management system", "hotel management system"], products: ["opera|opera pms|oracle opera", "cloudbeds", "mews", "protel", "roomkey"] },
  { id: "emr_dental", variants: ["dental practice software", "dental software"], products: ["dentrix", "eaglesoft", "open dental", "curve dental"] },
  { id: "wms", variants: ["=WMS", "warehouse management system", "warehouse management systems"], products: ["manhattan|manhattan wms", "sap ewm", "blue yonder|jda", "highjump", "fishbowl"] },
  { id: "tesol", variants: ["english language teaching", "teaching english"], products: ["=TEFL", "=TESOL", "=CELTA", "=DELTA", "=TESL"] },
  { id: "forklift", variants: ["forklift", "fork lift", "reach truck", "=PIT", "powered industrial truck"] },
  { id: "cdl", variants: ["=CDL", "commercial driver's license", "commercial drivers license", "commercial driver license", "class a license", "=CDL-A"] },
  { id: "hvac", variants: ["=HVAC", "=HVAC-R", "heating ventilation and air conditioning", "refrigeration"] },
  { id: "hipaa", variants: ["=HIPAA"] },
  { id: "phlebotomy", variants: ["phlebotomy", "phlebotomist", "venipuncture", "blood draws"] },
  { id: "design_tools_3d", variants: ["3d rendering"], products: ["sketchup", "rhino|rhinoceros", "3ds max", "blender", "lumion", "v ray|vray"] },
  { id: "bookkeeping_tools", variants: ["bookkeeping software"], products: ["freshbooks", "wave accounting", "zoho books", "myob"] },
  { id: "email_marketing", variants: ["email marketing", "marketing automation"], products: ["mailchimp", "klaviyo", "marketo", "pardot", "braze", "activecampaign", "constant contact"] },
  { id: "design_collab", variants: ["design handoff"], products: ["invision", "zeplin", "framer", "axure"] },
  { id: "video_editing", variants: ["video editing", "video editor"], products: ["premiere pro|adobe premiere", "final cut pro|final cut", "davinci resolve", "avid media composer|avid"] },
  { id: "survey_tools", variants: ["survey software"], products: ["qualtrics", "surveymonkey", "typeform", "google forms"] },
  { id: "stats_tools", variants: ["statistical software", "statistical package"], products: ["=SPSS", "=SAS", "=Stata", "=R", "minitab"] },
  // ---- tool families a job often names one product of; another product of the family is comparable
  { id: "observability", variants: ["observability", "application performance monitoring", "=APM", "log aggregation", "log analytics"], products: ["datadog", "new relic", "grafana", "prometheus", "dynatrace", "appdynamics", "=ELK|elk stack|elastic stack|kibana", "honeycomb", "cloudwatch|amazon cloudwatch"] },
  { id: "ansible", variants: ["ansible"], implies: ["iac"] },
  { id: "config_mgmt", variants: ["configuration management"], products: ["=Puppet", "saltstack|salt stack"] },
  { id: "payroll_software", variants: ["payroll software", "payroll system", "payroll systems", "payroll platform"], products: ["sage payroll|sage 50 payroll", "moorepay", "paychex", "brightpay", "ceridian|dayforce|ceridian dayforce", "iris payroll", "xero payroll"] },
  { id: "seo_tools", variants: ["seo tools", "seo suite", "seo platform"], products: ["semrush", "ahrefs", "=Moz|moz pro", "screaming frog", "se ranking", "google search console|search console"] },
  { id: "plc", variants: ["=PLC", "=PLCs", "programmable logic controller", "programmable logic controllers", "plc programming"], products: ["siemens tia portal|tia portal|siemens step 7|simatic|siemens s7|siemens plc|siemens plcs", "allen bradley|rslogix|rslogix 5000|studio 5000|controllogix|compactlogix", "schneider electric plc|unity pro|ecostruxure", "omron plc|omron sysmac", "gx works|mitsubishi plc", "codesys", "twincat|beckhoff"] },
  { id: "data_warehouse", variants: ["data warehouse", "data warehousing", "cloud data warehouse"], products: ["snowflake", "bigquery|google bigquery", "redshift|amazon redshift", "azure synapse|synapse analytics", "teradata", "vertica"] },
  { id: "message_queue", variants: ["message queue", "message queues", "message broker", "event streaming"], products: ["rabbitmq", "activemq", "amazon sqs|=SQS", "google pub sub|pub sub", "apache pulsar|pulsar", "=NATS"] },
  { id: "tms", variants: ["transportation management system", "transportation management systems", "=TMS"], products: ["mcleod|mcleod loadmaster|mcleod powerbroker", "=TMW|tmw suite|trimble tmw", "mercurygate", "oracle otm|oracle transportation management", "revenova", "rose rocket", "aljex", "tailwind tms"] },
  // Firms asked by their group's name: "Big 4 public accounting", "MBB consulting alumni".
  { id: "big_four", variants: ["big 4", "big four"], products: ["deloitte", "pwc|pricewaterhousecoopers", "=EY|ernst young|ernst & young", "kpmg"] },
  { id: "mbb", variants: ["=MBB"], products: ["mckinsey|mckinsey & company", "bain & company|bain and company|bain & co", "=BCG|boston consulting group"] },
  { id: "fleet_telematics", variants: ["fleet management software", "fleet telematics", "routing software", "route planning software"], products: ["samsara", "onfleet", "geotab", "motive|keeptruckin", "verizon connect", "route4me", "routific", "omnitracs"] },
  { id: "cms", variants: ["content management system", "=CMS"], products: ["wordpress", "drupal", "contentful", "sitecore", "adobe experience manager|=AEM", "joomla", "webflow"] },
  { id: "ecommerce_platform", variants: ["ecommerce platform", "e commerce platform"], products: ["shopify", "magento|adobe commerce", "woocommerce", "bigcommerce", "salesforce commerce cloud"] },
  { id: "contact_center", variants: ["contact center software", "contact centre software", "=CCaaS", "call center software", "call centre software", "cloud telephony"], products: ["five9", "genesys|genesys cloud", "nice cxone|incontact|nice incontact", "talkdesk", "avaya", "amazon connect", "8x8"] },
  { id: "social_tools", variants: ["social media management tool", "social media management tools", "social media scheduling"], products: ["hootsuite", "sprout social", "=Buffer", "sprinklr", "later com"] },
  { id: "construction_pm", variants: ["construction management software", "construction project management software"], products: ["procore", "autodesk construction cloud|bim 360", "aconex|oracle aconex", "plangrid", "buildertrend"] },
  { id: "estimating_tools", variants: ["estimating software", "takeoff software", "quantity takeoff"], products: ["bluebeam|bluebeam revu", "planswift", "costx", "on screen takeoff", "sage estimating"] },
  { id: "property_mgmt", variants: ["property management software"], products: ["yardi|yardi voyager", "appfolio", "buildium", "realpage", "entrata", "rent manager"] },
  { id: "gds", variants: ["global distribution system", "=GDS"], products: ["amadeus", "=Sabre", "travelport|galileo|worldspan"] },
  { id: "sis", variants: ["student information system", "student information systems", "=SIS"], products: ["powerschool", "infinite campus", "skyward"] },
  { id: "lims", variants: ["=LIMS", "laboratory information management system", "laboratory information system", "=LIS"], products: ["labware|labware lims", "labvantage", "starlims", "sample manager|thermo samplemanager"] },
  { id: "workforce_scheduling", variants: ["workforce management", "workforce scheduling", "employee scheduling software", "scheduling software"], products: ["=UKG|ukg pro|ukg ready|ukg dimensions", "kronos|kronos workforce", "when i work", "7shifts", "=Dayforce|ceridian dayforce", "shiftboard", "sling scheduling"] },
  // "Active" is a filler word elsewhere ("active licence"); here it is part of the name.
  { id: "active_directory", variants: ["active directory", "=AD", "azure ad", "azure active directory", "entra id", "microsoft entra"] },
  { id: "office_suite", variants: ["office suite", "productivity suite"], products: ["google workspace|g suite|gsuite", "microsoft 365|office 365|microsoft office|ms office|=MS Office|=M365|=O365"] },
  { id: "cnc_controls", variants: ["cnc control", "cnc controls", "cnc controller", "cnc controllers"], products: ["fanuc", "=Haas", "okuma|okuma osp", "mazatrol", "heidenhain", "sinumerik|siemens sinumerik"] },
  { id: "agency_mgmt", variants: ["agency management system", "agency management software", "insurance agency software"], products: ["applied epic", "ams360|ams 360", "ezlynx", "hawksoft", "qq catalyst|qqcatalyst", "vertafore sagitta|sagitta"] },
  { id: "real_estate_crm", variants: ["real estate crm"], products: ["follow up boss", "kvcore", "boomtown", "liondesk", "sierra interactive", "lofty crm|chime crm"] },
  { id: "vet_pims", variants: ["veterinary practice management", "veterinary practice software", "practice management system"], products: ["avimark", "cornerstone|idexx cornerstone", "ezyvet", "impromed", "shepherd veterinary", "provet cloud"] },
  // ---- trades and workplaces a résumé names by its jobs ("Line Cook" is kitchen experience)
  { id: "kitchen", variants: ["kitchen", "kitchens", "professional kitchen", "line cook", "prep cook", "cook", "cooks", "culinary"] },
  // A job family named by its field, and titles in it that say so without the field's word: a buyer works
  // in procurement, but procurement is not every title in it.
  { id: "procurement", variants: ["procurement", "purchasing", "strategic sourcing"] },
  // Titles as written ("Senior Buyer"): "40 first-time buyers" are a real-estate agent's clients.
  { id: "procurement_role", variants: ["=Buyer", "=Senior Buyer", "=Category Buyer", "=BUYER", "purchasing agent", "purchasing officer", "procurement officer", "sourcing specialist"], implies: ["procurement"] },
  // Kitchen ranks are kitchen work, but one rank is not another: a sous chef is not a head chef.
  { id: "head_chef", variants: ["head chef", "executive chef", "chef de cuisine"], implies: ["kitchen"] },
  { id: "sous_chef", variants: ["sous chef", "sous-chef"], implies: ["kitchen"] },
  { id: "chef_de_partie", variants: ["chef de partie", "station chef"], implies: ["kitchen"] },
  { id: "call_center", variants: ["call center", "call centre", "contact center", "contact centre", "inbound calls", "outbound calls"] },
  { id: "security_operations", variants: ["security operations", "security operations center", "security operations centre", "=SOC"] },
  { id: "electrical_trade", variants: ["electrical trade", "electrician", "electricians", "electrical apprentice", "wireman"] },
  // "High school teaching": the school's level narrows the teaching; "high" alone is a filler word.
  // Finishing secondary school, as the countries of the résumés here name it.
  { id: "high_school_diploma", variants: ["high school diploma", "high-school diploma", "high school graduate", "=GED", "high school equivalency", "ensino medio", "bachillerato", "abitur", "matura", "baccalaureat", "a levels", "a-levels", "leaving certificate"] },
  { id: "high_school", variants: ["high school", "high schools", "secondary school", "secondary schools", "senior high", "secondary education", "secondary teaching", "secondary teacher"] },
  { id: "teaching", variants: ["teaching", "teacher", "teachers", "taught", "teach", "instructor", "educator", "classroom", "classrooms", "lecturer", "tutor", "tutoring"] },
  { id: "oracle_db", variants: ["oracle database", "oracle db", "=PL/SQL", "oracle 19c", "oracle 12c"], implies: ["sql"] },
  // ---- US states: a licence "in Washington" is a "WA" licence (codes that are also common words are left out)
  ...Object.entries(US_STATES)
    .filter(([code]) => !STATE_CODES_ALSO_WORDS.has(code))
    .map(([code, name]) => ({ id: `state_${code.toLowerCase()}`, variants: [name.toLowerCase(), `=${code}`] })),
  // ---- fields of study
  { id: "computer_science", variants: ["computer science", "=CS", "comp sci", "computing science", "informatics", "computing", "informatica", "informatique", "informatik", "ciencia da computacao", "ciencias de la computacion", "ingenieria informatica", "engenharia de computacao"] },
  { id: "computer_engineering", variants: ["computer engineering"] },
  { id: "electrical_engineering", variants: ["electrical engineering", "electrical and computer engineering", "=EE", "=ECE"] },
  { id: "software_engineering_field", variants: ["software engineering"] },
  { id: "information_systems", variants: ["information systems", "information technology", "=MIS"] },
  { id: "mathematics", variants: ["mathematics", "math", "maths", "applied math", "applied mathematics"] },
  { id: "statistics", variants: ["statistics", "statistical"] },
  { id: "physics", variants: ["physics"] },
  { id: "economics", variants: ["economics", "econ"] },
  { id: "business", variants: ["business administration", "business", "=MBA", "commerce", "management"] },
  { id: "marketing", variants: ["marketing"] },
  { id: "graphic_design", variants: ["graphic design", "visual communication", "visual communications", "communication design", "fine arts", "fine art", "=BFA", "=MFA"] },
  { id: "hci", variants: ["human computer interaction", "=HCI", "interaction design"] },
  // Latin honours are graduating with honours ("magna cum laude"); a dean's list is not.
  { id: "academic_honors", variants: ["graduated with honors", "graduated with honours", "with honors", "with honours", "cum laude", "magna cum laude", "summa cum laude", "with distinction", "first class honours", "first-class honours"] },
  // ---- work named by what it is made of (a recruiter reads "split-tested subject lines" as A/B testing)
  { id: "seo", variants: ["=SEO", "search engine optimization", "search engine optimisation", "organic search", "keyword research", "on page optimization", "on page optimisation", "technical seo"] },
  { id: "ab_testing", variants: ["abtest", "split test", "split tests", "split testing", "split tested", "multivariate test", "multivariate testing", "multivariate tests"] },
  { id: "gdt", variants: ["gdandt", "geometric dimensioning", "geometric dimensioning and tolerancing", "asme y14", "tolerancing"] },
  { id: "web_accessibility", variants: ["web accessibility", "digital accessibility", "=WCAG", "a11y", "=ARIA", "aria labels", "aria attributes", "screen reader", "screen readers", "voiceover", "=NVDA", "=JAWS", "section 508", "colour contrast", "color contrast"] },
  { id: "wound_care", variants: ["wound care", "wound management", "wound dressing", "wound dressings", "dressing changes", "change dressings", "changed dressings", "pressure injuries", "pressure injury", "pressure ulcer", "pressure ulcers", "wound vac", "negative pressure wound therapy", "negative pressure therapy"] },
  { id: "client_facing", variants: ["client facing", "customer facing", "quarterly business reviews", "quarterly business review", "=QBR", "=QBRs", "client meetings", "customer meetings", "client presentations"] },
  { id: "immunization", variants: ["immunization", "immunizations", "immunisation", "immunisations", "vaccine", "vaccines", "vaccination", "vaccinations"] },
  { id: "inventory_control", variants: ["inventory control", "stock control", "cycle count", "cycle counts", "cycle counting", "inventory accuracy", "inventory adjustments", "stock counts", "stocktake", "stocktakes"] },
  // Exceeding a sales target as sales résumés say it: "118% of annual number", "President's Club".
  { id: "quota", variants: ["quota", "quotas", "president club", "presidents club", "annual number", "sales target", "sales targets", "revenue target", "revenue targets"] },
  { id: "calendar_management", variants: ["calendar management", "diary management", "managing calendars", "managed calendars", "manage calendars"] },
  { id: "ecs_card", variants: ["ecs card", "=ECS", "jib card", "jib gold card", "=JIB"] },
];

/**
 * Families of related fields of study, for "… or a related field". A degree in any member of a family
 * counts as related to the others. Concept ids from CONCEPTS.
 */
export const FIELD_FAMILIES: readonly (readonly string[])[] = [
  ["computer_science", "computer_engineering", "electrical_engineering", "software_engineering_field", "software_engineer", "information_systems", "mathematics", "statistics", "physics", "data_science"],
  ["finance", "accounting", "economics", "business", "mathematics", "statistics"],
  ["graphic_design", "hci", "ux", "ui"],
  ["nursing", "bsn"],
  ["marketing", "business", "economics"],
];

/**
 * Words that carry no requirement by themselves ("strong", "experience", "proficiency"…), dropped
 * from criteria before matching. Compared on stems.
 */
export const FILLER_WORDS: readonly string[] = [
  "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "as", "from", "into", "within", "across", "via",
  "is", "be", "are", "being", "been", "have", "has", "having", "had", "must", "should", "will", "can", "would", "may",
  "required", "require", "requirement", "requirements", "preferred", "prefer", "preferably", "bonus", "nice", "ideal", "ideally", "desired", "desirable", "asset",
  "strong", "solid", "excellent", "exceptional", "outstanding", "good", "great", "proven", "demonstrated", "demonstrable", "deep", "extensive", "significant", "substantial", "relevant",
  "proficiency", "proficient", "knowledge", "knowledgeable", "familiarity", "familiar", "understanding", "understand", "ability", "able", "capable", "comfortable", "competency", "competence",
  "skill", "skills", "skilled", "expert", "expertise", "experience", "experienced", "exposure", "practical", "hands", "working", "work", "background", "track", "record",
  "minimum", "least", "more", "plus", "year", "years", "yr", "yrs", "over", "than", "up",
  "related", "field", "equivalent", "etc", "eg", "e", "g", "ie", "including", "include", "such", "like", "using", "use", "used", "tool", "tools", "technology", "technologies",
  "candidate", "we", "you", "your", "our", "who", "that", "this", "these", "those", "which", "it", "its", "their", "they", "them", "us",
  "any", "some", "all", "other", "one", "both", "either", "each", "well", "very", "highly", "high", "level", "also", "not", "no",
  "active", "current", "valid", "license", "licensed", "licence", "certified", "certification", "certifications", "certificate", "registration", "designation", "credential", "credentials",
  // The same words in the languages résumés and criteria here are written in.
  "certificacion", "certificado", "certificada", "certificacao", "certificat", "zertifikat", "zertifizierung", "certyfikat", "licencia", "licenca", "vigente", "valida", "valido", "gultig",
  "fluent", "fluency", "native", "speaker", "spoken", "written", "verbal", "oral", "professional", "advanced", "basic", "intermediate",
  "processing", "industry", "sector", "conduct", "conducting", "conducted", "exceed", "exceeded", "exceeding", "consistently", "consistent",
  "technical", "pipeline", "pipelines", "clear", "clearly", "closely", "effectively", "effective", "regularly", "various", "multiple",
  "environment", "setting", "role", "roles", "position", "job", "similar", "type", "based", "focused", "oriented", "driven", "first", "modern", "large", "scale", "complex",
  // How a criterion frames the thing ("performing audits", "a customer service mindset", "data-driven approach").
  "performing", "approach", "mindset", "focus", "giving", "attainment",
  // A verb that says who does it, not what kind of thing it is ("Oversees unit turns", "CNC setup, not just operating").
  "oversees", "oversee", "overseeing", "just",
  // Shorthand recruiters type ("Telemetry exp. preferred", "min. 2 yrs", "CIPD L5 minimum") and the verb of
  // holding a credential ("Holds CSPO or PSPO"), which says nothing of which one.
  "exp", "min", "incl", "req", "reqd", "pref", "cert", "certs", "holds", "hold", "holding", "need", "needed", "needs",
  // "P&L ownership", "MBB alumni": the thing itself is asked. (Not "responsibility" or "accountability":
  // stemmed, they are "response" and "accounting".)
  "ownership", "alumni", "alumnus", "alumna", "alum",
  // How big or how formal, not which kind: "a small crew", "formal teacher evaluations".
  "small", "large", "formal", "overall",
  // How often ("lift 50 lbs repeatedly"), not what.
  "repeatedly", "frequently", "routinely",
];

/**
 * Broad field words. In a criterion that also names something specific ("pediatric nursing",
 * "motion design", "selling to healthcare organizations"), matching only these shows nothing of the
 * specific requirement, so it earns no partial credit. Concept ids prefixed "@", else word stems.
 */
/**
 * Stems of words that say what kind of thing is asked rather than which ("SAS programming", "Digital
 * dictation software", "Financial services clients"): beside a specific term they are not a qualifier
 * the candidate must repeat. Alone, or beside only generic words, they count as usual. Words that
 * make a compound skill or title of their own stay out ("tax preparation", "registered nurse",
 * "program management", "Apache Kafka").
 */
export const LIGHT_TERMS: readonly string[] = [
  "softwar", "system", "qualif", "project", "document", "growth", "ownership", "session",
  "platform", "applic", "solut", "knowledg", "improv", "reduc", "method", "packag", "suit",
  // The issuer before a credential's own name ("CompTIA Security+"): the name alone is the credential.
  "comptia",
  // "SIE exam passed": the exam's name is the exam.
  "exam",
];

/**
 * A worker's title names the work: a machinist machines, an electrician does electrical work. One way
 * only: "CNC machining" in a course is not a machinist's job, and an electrical engineer is not an
 * electrician.
 */
export const AGENT_ACTIVITIES: Readonly<Record<string, readonly string[]>> = {
  machinist: ["machining"], electrician: ["electrical"], plumber: ["plumbing"], welder: ["welding"], teacher: ["teaching"],
  carpenter: ["carpentry"], pharmacist: ["pharmacy"], hygienist: ["hygiene"], therapist: ["therapy"], programmer: ["programming"],
  inspector: ["inspection"], auditor: ["auditing"], driver: ["driving"], editor: ["editing"], writer: ["writing"],
  baker: ["baking"], painter: ["painting"], roofer: ["roofing"], surveyor: ["surveying"], planner: ["planning"],
  buyer: ["buying"], instructor: ["instruction"], phlebotomist: ["phlebotomy"], radiographer: ["radiography"],
  sonographer: ["sonography"], photographer: ["photography"], videographer: ["videography"], framer: ["framing"],
  mason: ["masonry"], glazier: ["glazing"], pipefitter: ["pipefitting"], upholsterer: ["upholstery"],
  cosmetologist: ["cosmetology"], dietitian: ["dietetics"], nutritionist: ["nutrition"], statistician: ["statistics"],
  economist: ["economics"], chemist: ["chemistry"], biologist: ["biology"], geologist: ["geology"], psychologist: ["psychology"],
  librarian: ["library"], logistician: ["logistics"], supervisor: ["supervision", "supervisory"],
  // A cashier or a bank teller handles cash.
  cashier: ["cash", "handling"], teller: ["cash", "handling"],
};

export const GENERIC_TERMS: readonly string[] = [
  "@sales", "@nursing", "@software_engineer", "@customer_support", "@finance", "@analysis", "@business", "@stakeholder",
  "design", "engin", "develop", "manag", "team", "servic", "custom", "client", "organ", "organiz", "compani", "industri",
];

/**
 * Concepts whose words have another common sense in résumés. A mention counts for the concept only
 * when its sense holds: `forms` lists the accepted lower-case spellings (so "reacted" is not React);
 * `capitalized` needs a capital letter ("excel at" is not Excel); `notBefore` lists next words of
 * the other sense ("go to", "react to"); `near` lists words within a few words that mark the other
 * sense ("Java, Indonesia", "ball python").
 */
export interface SenseRule {
  forms?: readonly string[];
  capitalized?: boolean;
  notBefore?: readonly string[];
  near?: readonly string[];
}

export const SENSES: Readonly<Record<string, SenseRule>> = {
  java: { forms: ["java"], near: ["indonesia", "indonesian", "island", "bali", "jakarta", "sumatra", "borneo", "volcano", "coffee", "trip", "travel", "traveled", "travelled", "backpacked", "backpacking", "holiday", "vacation", "surabaya", "yogyakarta", "east", "west", "central", "resort", "malang", "hotel", "bandung"] },
  python: { forms: ["python", "python3"], near: ["snake", "snakes", "reptile", "reptiles", "zoo", "herpetology", "terrarium", "monty", "vivarium", "burmese", "boa", "boas", "species", "constrictor", "keeper", "husbandry"] },
  excel: { capitalized: true, notBefore: ["at", "in", "under", "as", "when", "while"] },
  react: { forms: ["react", "reactjs"], capitalized: true, notBefore: ["to", "quickly", "calmly", "fast", "promptly", "appropriately"] },
  golang: { notBefore: ["to", "live", "above", "beyond", "getter", "further", "back", "through"] },
  // SWIFT the bank network ("wire and SWIFT payment exceptions") is not Apple's language.
  swift: { capitalized: true, notBefore: ["response", "responses", "action", "turnaround", "resolution", "delivery", "recovery"], near: ["wire", "wires", "bic", "mt103", "mt202", "correspondent", "gpi", "iban", "code", "codes"] },
  // A scrum-half plays rugby.
  agile: { near: ["rugby", "half", "rfc", "prop", "hooker", "lineout", "flanker", "scrummage", "forwards", "pack"] },
  ruby: { near: ["jewelry", "jewellery", "gem", "gemstone", "anniversary", "wedding", "ms", "mrs", "dr", "supervisor", "manager", "colleague", "mentor", "nominated"] },
  rust: { capitalized: true, near: ["corrosion", "paint", "painting", "removal", "remove", "removed", "treatment", "metal", "bodywork"] },
  nodejs: { near: ["network", "networks", "cluster", "lymph", "tree", "graph", "mesh", "nodes"] },
  // "Sparked a safety campaign" is not Spark: only the name itself, capitalized.
  spark: { forms: ["spark", "pyspark"], capitalized: true, near: ["award", "awards", "prize", "grant", "scholarship", "recognition", "honoree", "nominee"] },
  julia: { near: ["ms", "mrs", "dr", "supervisor", "manager", "colleague", "mentor", "friend", "sister", "daughter", "wife", "mother", "league", "nominated"] },
  dart: { forms: ["dart", "dartlang"], near: ["league", "pub", "board", "throw", "throwing", "tournament"] },
  pandas: { near: ["zoo", "bear", "bears", "giant", "red", "bamboo", "wildlife", "animal", "animals", "keeper", "keepers"] },
  // CMS is also the Centers for Medicare & Medicaid Services: "applied CMS guidance on Medicare billing".
  cms: { near: ["medicare", "medicaid", "billing", "reimbursement", "hcpcs", "claims", "coverage", "guidance", "regulations", "regulatory", "compliance", "star", "ratings", "survey", "surveys", "conditions", "cms1500", "1500", "hospital", "nursing", "cpt", "icd"] },
  hive: { near: ["bee", "bees", "honey", "beekeeping", "beekeeper", "apiary", "hives", "queen", "wax"] },
  // Products named by everyday words: an EHR, an LMS, a project tool, chat and POS systems.
  epic: { capitalized: true, near: ["mural", "journey", "fail", "poem", "saga", "battle", "adventure", "quest", "story", "stories", "fantasy", "tale"] },
  blackboard: { capitalized: true, near: ["chalk", "wrote", "writing", "eraser", "whiteboard"] },
  canvas: { near: ["painting", "paintings", "painted", "oil", "oils", "acrylic", "acrylics", "stretched", "bag", "bags", "tent", "tents", "art", "artist"] },
  asana: { capitalized: true, near: ["yoga", "pose", "poses", "vinyasa", "pranayama", "meditation", "stretch", "stretching"] },
  toast: { capitalized: true, near: ["bread", "breakfast", "brunch", "butter", "avocado", "french", "wedding", "speech", "raised"] },
  square: { capitalized: true, notBefore: ["feet", "foot", "footage", "meters", "metres", "miles", "ft", "km", "one", "root", "meal", "meals"] },
  slack: { capitalized: true, notBefore: ["off", "time", "water", "season", "line"] },
  zoom: { forms: ["zoom"], capitalized: true, notBefore: ["in", "out", "lens", "lenses"] },
  chef_infra: { forms: ["chef"], near: ["commis", "brigade", "covers", "sous", "head", "executive", "pastry", "kitchen", "kitchens", "restaurant", "cook", "cooks", "menu", "menus", "de", "partie", "cuisine", "grill", "culinary", "line", "private", "bistro", "catering"] },
  airflow: { near: ["static", "pressure", "cfm", "hvac", "duct", "ducts", "ductwork", "vent", "vents", "fan", "fans", "rooftop", "furnace", "filter", "filters", "balancing", "damper", "dampers", "coil", "coils", "ventilation", "respiratory", "ventilator", "lung", "lungs"] },
  jenkins: { capitalized: false, near: ["reported", "manager", "mr", "ms", "mrs", "dr", "supervisor", "boss", "director", "named"] },
  greenhouse: { near: ["community", "volunteer", "plants", "plant", "garden", "gardening", "nursery", "horticulture", "grow", "grower", "growing", "flowers", "tomatoes", "farm", "crops", "seedlings"] },
  workday: { capitalized: true, notBefore: ["schedule", "schedules", "routine", "hours"] },
  charting: { forms: ["charting", "charted"] },
  // SOC 2 is an audit report, not a security operations center.
  security_operations: { notBefore: ["1", "2", "3", "ii", "type", "report", "reports", "compliance", "audit", "audits"] },
  kafka: { near: ["novel", "novels", "literature", "franz", "author", "authors", "writer", "writers", "metamorphosis", "taught", "poetry", "poets", "thesis"] },
};

/**
 * Tools a recruiter counts as comparable but not the same: having one where another is asked is
 * partly met ("Dynamics for Salesforce", "AWS for GCP"). Products of one category in CONCEPTS
 * (`products`) are comparable to each other too. Concept ids.
 */
export const COMPARABLE: readonly (readonly string[])[] = [
  ["aws", "gcp", "azure"],
  ["salesforce", "hubspot", "dynamics", "zoho", "pipedrive"],
  ["postgresql", "mysql", "sql_server", "oracle_db"],
  ["react", "vue", "angular"],
  ["figma", "sketch", "adobe_xd"],
  ["figma", "sketch"],
  ["python", "r", "sas"],
  // Log search is log search, whether the product calls itself a SIEM or observability.
  ["splunk", "datadog", "elk", "sumo_logic", "new_relic", "cloudwatch"],
  ["terraform", "ansible", "puppet", "saltstack"],
  ["adp", "paychex", "sage_payroll", "moorepay", "brightpay", "ceridian", "gusto", "paylocity", "paycom", "iris_payroll", "xero_payroll"],
  ["kafka", "rabbitmq", "activemq", "amazon_sqs", "google_pub_sub", "apache_pulsar"],
];

/** Categories whose products are not interchangeable (Photoshop is no substitute for Premiere). */
export const NOT_COMPARABLE_CATEGORIES: ReadonlySet<string> = new Set(["adobe_cs", "ats_tools", "big_four", "mbb"]);

/** A credential that is the way to another: holding the first is the second in progress. */
export const PROGRESS_OF: Readonly<Record<string, string>> = { eit: "pe_license" };

/** Words of traits rather than skills; a criterion made only of these is checked for behaviour. */
export const SOFT_SKILL_WORDS: readonly string[] = [
  "communication", "communicator", "leadership", "leader", "teamwork", "collaboration", "collaborative", "collaborator", "interpersonal",
  "problem", "solving", "solver", "attention", "detail", "detailed", "organized", "organised", "organizational", "time", "adaptability",
  "adaptable", "motivated", "self", "starter", "ethic", "empathy", "empathetic", "multitasking", "multitask", "flexibility", "flexible",
  "creativity", "creative", "initiative", "proactive", "reliable", "reliability", "punctual", "positive", "attitude", "player",
  "people", "presentation", "speaking", "verbal", "listening", "patience", "patient", "calm", "pressure", "critical", "thinking",
  "independently", "independent", "learner", "curious", "curiosity", "ownership", "accountability", "integrity", "professionalism", "emotional", "intelligence",
  "lead", "leads", "leading", "colleagues", "coworkers", "peers", "works", "well", "closely", "collaborates", "excellent", "strong", "clear",
  // How a person is, said of them: "Passion for hospitality", "Thrives in a fast-paced environment", "Compassionate".
  "passion", "passionate", "thrives", "thrive", "paced", "energetic", "enthusiasm", "enthusiastic", "compassion", "compassionate",
  "friendly", "motivating", "discretion", "discreet", "diplomacy", "tactful", "resilience", "resilient", "dependable", "hardworking",
  // How a person deals with others and with pressure: "Handles conflict calmly", "Discretion with highly
  // confidential information", "high-energy style".
  "conflict", "conflicts", "calmly", "composure", "confidential", "confidentiality", "energy", "style",
  // How a leader is described: "Strategic thinker", "An inspiring, visionary leader".
  "thinker", "visionary", "inspiring", "inspirational", "charismatic", "humble",
];

/**
 * What a trait looks like in what a candidate did: a criterion about communication is met by
 * having written, presented or trained; about collaboration by partnering across teams; about
 * leadership by leading people. Keys and values are English words (stemmed where used).
 */
export const TRAIT_BEHAVIOURS: Readonly<Record<string, readonly string[]>> = {
  // Duties every job has ("wrote Helm charts", "audits of clients") are not evidence of a trait;
  // work whose product is the trait is ("published", "presented to the board", "zero errors").
  communication: ["authored", "published", "presented", "presentations", "speaker", "articles", "copywriting"],
  written: ["authored", "published", "edited", "editor", "articles", "copywriting"],
  collaboration: ["partnered", "partner", "collaborated", "pair", "paired", "cross-functional", "alongside", "jointly", "liaison", "coordinated"],
  collaborative: ["partnered", "partner", "collaborated", "pair", "paired", "alongside", "jointly", "coordinated"],
  teamwork: ["partnered", "collaborated", "pair", "paired", "alongside", "jointly", "coordinated"],
  leadership: ["supervised", "mentored", "coached", "chaired", "foreman"],
  leader: ["supervised", "mentored", "coached", "chaired", "foreman"],
  lead: ["supervised", "mentored", "coached", "chaired", "foreman"],
  problem: ["resolved", "troubleshot", "diagnosed", "fixed", "root cause", "solved", "debugged"],
  solving: ["resolved", "troubleshot", "diagnosed", "fixed", "root cause", "solved", "debugged"],
  detail: ["accuracy", "error rate", "zero errors", "error-free", "proofread"],
  organized: ["scheduled", "coordinated", "organized", "planned", "prioritized", "deadlines", "calendar", "logistics"],
  organizational: ["scheduled", "coordinated", "organized", "planned", "prioritized", "deadlines", "calendar", "logistics"],
  time: ["deadlines", "on time", "on-time", "prioritized", "scheduled"],
  customer: ["customers", "clients", "guests", "patients", "resolved", "satisfaction", "csat", "nps"],
  empathy: ["patients", "families", "counseled", "supported", "comforted", "de-escalated"],
  adaptability: ["cross-trained", "pivoted", "transitioned", "adapted", "multiple roles"],
  adaptable: ["cross-trained", "pivoted", "transitioned", "adapted", "multiple roles"],
  initiative: ["launched", "founded", "started", "introduced", "proposed", "initiated", "created"],
  proactive: ["launched", "introduced", "proposed", "initiated", "identified"],
  mentoring: ["mentored", "coached", "trained", "onboarded"],
  presentation: ["presented", "presentations", "speaker", "keynote", "talks", "webinars"],
  public: ["presented", "speaker", "keynote", "talks", "webinars"],
  conflict: ["resolved", "mediated", "de-escalated", "disputes", "complaints"],
  confidential: ["confidential", "privileged", "hipaa", "sensitive"],
  confidentiality: ["confidential", "privileged", "hipaa", "sensitive"],
};
