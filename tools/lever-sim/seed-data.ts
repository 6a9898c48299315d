/**
 * Static content the seed draws from. Résumé vocabulary is grouped by role family so that candidates of a
 * posting range from a strong match (same family, the posting's required skills, enough years) to an
 * obvious mismatch (another family): the screening engine needs that spread to be testable.
 */

export interface RoleFamily {
  /** Title ladder, junior → senior. */
  titles: string[];
  skills: string[];
  fields: string[];
  degrees: string[];
  /** Achievement bullets; {skill}, {skill2}, {n}, {pct}, {k} are filled in. */
  bullets: string[];
  certifications?: string[];
}

export const FAMILIES: Record<string, RoleFamily> = {
  software: {
    titles: ["Junior Software Engineer", "Software Engineer", "Senior Software Engineer", "Staff Software Engineer", "Principal Engineer"],
    skills: ["TypeScript", "Node.js", "Go", "Python", "PostgreSQL", "Kubernetes", "AWS", "Docker", "GraphQL", "React", "Redis", "Kafka", "gRPC", "Terraform", "CI/CD", "distributed systems", "REST APIs", "microservices", "C++", "ROS", "Rust", "Linux", "Java"],
    fields: ["Computer Science", "Software Engineering", "Computer Engineering", "Mathematics", "Physics"],
    degrees: ["B.S.", "B.S.", "M.S.", "B.Eng.", "Ph.D."],
    bullets: [
      "Designed and shipped {skill} services handling {n}k requests per minute with 99.95% availability",
      "Reduced p99 latency by {pct}% by reworking the {skill} data access layer",
      "Led the migration of a monolith to {skill} microservices over {k} quarters without downtime",
      "Mentored {k} engineers and ran the team's code review and on-call rotation",
      "Built an internal {skill} platform adopted by {k} product teams",
      "Introduced {skill} and {skill2}, cutting deployment time from hours to minutes",
      "Wrote the event pipeline on {skill} and {skill2} that processes {n}M events a day",
    ],
    certifications: ["AWS Certified Solutions Architect – Associate", "Certified Kubernetes Administrator (CKA)"],
  },
  embedded: {
    titles: ["Firmware Engineer I", "Embedded Software Engineer", "Senior Embedded Engineer", "Lead Firmware Engineer", "Principal Firmware Engineer"],
    skills: ["C", "C++", "RTOS", "FreeRTOS", "ARM Cortex-M", "CAN bus", "SPI/I2C", "embedded Linux", "Yocto", "oscilloscopes", "motor control", "bootloaders", "Python", "MISRA C", "JTAG debugging", "BLE"],
    fields: ["Electrical Engineering", "Computer Engineering", "Mechatronics"],
    degrees: ["B.S.", "B.S.", "M.S.", "B.Eng."],
    bullets: [
      "Wrote {skill} firmware for a {skill2}-based motor controller shipped in {n}k units",
      "Brought up new boards from schematic to production using {skill} and {skill2}",
      "Cut boot time by {pct}% by rewriting the {skill} bootloader",
      "Implemented over-the-air updates with rollback on {skill} devices",
      "Debugged timing issues with logic analyzers and {skill}, reducing field failures by {pct}%",
    ],
  },
  mechanical: {
    titles: ["Mechanical Engineer I", "Mechanical Design Engineer", "Senior Mechanical Engineer", "Lead Mechanical Engineer"],
    skills: ["SolidWorks", "Creo", "GD&T", "FEA", "ANSYS", "DFM", "sheet metal design", "injection molding", "tolerance analysis", "3D printing", "prototyping", "PLM", "MATLAB"],
    fields: ["Mechanical Engineering", "Aerospace Engineering", "Mechatronics"],
    degrees: ["B.S.", "B.S.", "M.S.", "B.Eng."],
    bullets: [
      "Designed gripper and chassis assemblies in {skill} through {k} prototype builds",
      "Ran {skill} studies that removed {pct}% of bracket mass while meeting load targets",
      "Owned {skill} reviews with contract manufacturers for a {n}k-unit production run",
      "Released {n} drawings with full {skill} into {skill2}",
      "Cut unit cost by {pct}% through {skill} changes to molded parts",
    ],
  },
  product: {
    titles: ["Associate Product Manager", "Product Manager", "Senior Product Manager", "Group Product Manager", "Director of Product"],
    skills: ["roadmapping", "user research", "SQL", "A/B testing", "Jira", "stakeholder management", "OKRs", "product analytics", "Amplitude", "pricing", "go-to-market", "technical specs", "autonomy", "B2B SaaS"],
    fields: ["Business Administration", "Computer Science", "Economics", "Industrial Engineering"],
    degrees: ["B.A.", "B.S.", "MBA"],
    bullets: [
      "Owned the {skill} roadmap for a product line with ${n}M ARR",
      "Ran {k} {skill} experiments that lifted activation by {pct}%",
      "Wrote {skill} with engineering for the fleet management console used by {n}k operators",
      "Launched a self-serve tier with {skill} and {skill2}, growing signups {pct}%",
      "Interviewed {n} customers and turned {skill} findings into the next two quarters of work",
    ],
  },
  field_service: {
    titles: ["Field Service Technician", "Senior Field Technician", "Field Service Lead", "Service Operations Manager"],
    skills: ["electromechanical troubleshooting", "PLC", "preventive maintenance", "customer site installations", "hydraulics", "pneumatics", "multimeters", "schematics reading", "OSHA 30", "robot calibration", "CMMS", "travel 50%"],
    fields: ["Electronics Technology", "Industrial Maintenance", "Mechatronics"],
    degrees: ["A.A.S.", "A.A.S.", "Certificate", "B.S."],
    bullets: [
      "Installed and commissioned {n} robotic cells at customer sites across {k} states",
      "Performed {skill} and {skill2} on AGV fleets, keeping uptime above 98%",
      "Cut mean time to repair by {pct}% by building a {skill} checklist",
      "Trained {k} customer technicians on {skill}",
    ],
    certifications: ["OSHA 30-Hour", "NFPA 70E"],
  },
  data: {
    titles: ["Data Analyst", "Data Engineer", "Senior Data Engineer", "Analytics Engineer", "Lead Data Engineer"],
    skills: ["SQL", "Python", "dbt", "Airflow", "Snowflake", "Spark", "Tableau", "Looker", "pandas", "ETL", "data modeling", "BigQuery", "R", "HL7/FHIR", "statistics", "Kafka"],
    fields: ["Statistics", "Computer Science", "Data Science", "Biostatistics", "Economics"],
    degrees: ["B.S.", "M.S.", "M.S.", "B.A."],
    bullets: [
      "Built {skill} pipelines in {skill2} loading {n}M rows a day into the warehouse",
      "Modeled the core metrics layer in {skill}, replacing {k} conflicting dashboards",
      "Cut warehouse spend {pct}% by rewriting heavy {skill} jobs",
      "Shipped {skill} dashboards used weekly by {k} department heads",
      "Automated claims and encounter reporting with {skill} and {skill2}",
    ],
  },
  recruiting: {
    titles: ["Recruiting Coordinator", "Recruiter", "Technical Recruiter", "Senior Technical Recruiter", "Talent Acquisition Lead"],
    skills: ["full-cycle recruiting", "sourcing", "Lever", "Greenhouse", "LinkedIn Recruiter", "Boolean search", "offer negotiation", "employer branding", "structured interviews", "pipeline reporting", "technical hiring"],
    fields: ["Psychology", "Human Resources", "Communications", "Business Administration"],
    degrees: ["B.A.", "B.A.", "B.S."],
    bullets: [
      "Closed {n} engineering hires in a year with a {pct}% offer acceptance rate",
      "Ran {skill} for {k} hiring managers across engineering and product",
      "Rebuilt the interview loop around {skill}, cutting time-to-hire by {pct}%",
      "Sourced passive candidates with {skill} and {skill2}",
    ],
  },
  manufacturing: {
    titles: ["Production Supervisor", "Manufacturing Engineer", "Manufacturing Manager", "Director of Manufacturing", "VP Operations"],
    skills: ["lean manufacturing", "Six Sigma", "ERP", "supply chain", "capacity planning", "ISO 9001", "P&L ownership", "contract manufacturers", "NPI", "quality systems", "Kaizen", "robotics assembly"],
    fields: ["Industrial Engineering", "Mechanical Engineering", "Operations Management"],
    degrees: ["B.S.", "MBA", "M.S."],
    bullets: [
      "Scaled a {n}-person assembly operation from pilot to {k} shifts using {skill}",
      "Owned a ${n}M P&L and cut cost of goods {pct}% with {skill}",
      "Led {skill} and {skill2} certification for two plants",
      "Ran NPI for {k} product generations with contract manufacturers in Mexico and Taiwan",
    ],
    certifications: ["Six Sigma Black Belt", "APICS CPIM"],
  },
  nursing: {
    titles: ["Registered Nurse", "Staff Nurse", "Charge Nurse", "Telehealth Nurse", "Nurse Case Manager"],
    skills: ["patient triage", "telehealth", "Epic EHR", "care coordination", "BLS", "ACLS", "chronic care management", "patient education", "medication reconciliation", "HIPAA", "multi-state RN license", "Cerner"],
    fields: ["Nursing"],
    degrees: ["BSN", "BSN", "ADN", "MSN"],
    bullets: [
      "Triaged {n}+ patients a week by phone and video using {skill}",
      "Coordinated care for a panel of {n} chronic patients with {skill}",
      "Charted in {skill} and reduced documentation backlog by {pct}%",
      "Precepted {k} new graduate nurses on {skill} and {skill2}",
    ],
    certifications: ["BLS", "ACLS", "Compact (multi-state) RN license"],
  },
  billing: {
    titles: ["Billing Coordinator", "Medical Billing Specialist", "Revenue Cycle Analyst", "Billing Supervisor"],
    skills: ["CPT coding", "ICD-10", "claims submission", "denial management", "Epic Resolute", "insurance verification", "accounts receivable", "Medicare/Medicaid", "Excel", "CPC certification", "HIPAA"],
    fields: ["Health Information Management", "Business Administration", "Accounting"],
    degrees: ["A.A.", "B.S.", "Certificate"],
    bullets: [
      "Submitted {n} claims a month with a {pct}% first-pass acceptance rate",
      "Worked {skill} queues and recovered ${n}k in aged receivables",
      "Reduced denials {pct}% by fixing {skill} and {skill2} errors upstream",
    ],
    certifications: ["Certified Professional Coder (CPC)"],
  },
  design: {
    titles: ["Junior Product Designer", "Product Designer", "Senior Product Designer", "Lead Product Designer"],
    skills: ["Figma", "user research", "prototyping", "design systems", "accessibility (WCAG)", "usability testing", "interaction design", "information architecture", "HTML/CSS", "journey mapping"],
    fields: ["Interaction Design", "Graphic Design", "Human-Computer Interaction", "Psychology"],
    degrees: ["B.F.A.", "B.A.", "M.S."],
    bullets: [
      "Designed the patient intake flow in {skill}, lifting completion {pct}%",
      "Built and maintained a {skill} library used by {k} squads",
      "Ran {n} {skill} sessions with clinicians and patients",
      "Partnered with engineering to ship {skill} fixes across {k} products",
    ],
  },
  customer_success: {
    titles: ["Customer Success Associate", "Customer Success Manager", "Senior Customer Success Manager", "Director of Customer Success"],
    skills: ["account management", "renewals", "Salesforce", "Gainsight", "onboarding", "QBRs", "churn reduction", "upselling", "healthcare SaaS", "Zendesk", "NPS programs"],
    fields: ["Business Administration", "Communications", "Marketing"],
    degrees: ["B.A.", "B.S."],
    bullets: [
      "Managed a ${n}M book of {k}0 accounts with {pct}% net revenue retention",
      "Ran {skill} for enterprise health systems and cut time-to-value by {pct}%",
      "Built the {skill} playbook in {skill2}",
    ],
  },
  security: {
    titles: ["Security Analyst", "Security Engineer", "Senior Security Engineer", "Staff Security Engineer"],
    skills: ["threat modeling", "AWS security", "SIEM", "incident response", "penetration testing", "SOC 2", "HIPAA", "IAM", "Kubernetes", "Python", "vulnerability management", "OWASP"],
    fields: ["Computer Science", "Information Security", "Computer Engineering"],
    degrees: ["B.S.", "M.S.", "B.S."],
    bullets: [
      "Led {skill} for {k} product launches and closed {n} findings before release",
      "Stood up {skill} and {skill2} for the SOC 2 Type II audit",
      "Cut mean time to detect by {pct}% with new {skill} detections",
    ],
    certifications: ["OSCP", "CISSP", "AWS Certified Security – Specialty"],
  },
  finance: {
    titles: ["Financial Analyst", "Senior Financial Analyst", "Finance Manager", "Controller", "VP Finance"],
    skills: ["FP&A", "GAAP", "financial modeling", "NetSuite", "audit", "fundraising", "board reporting", "revenue recognition", "budgeting", "healthcare reimbursement", "treasury"],
    fields: ["Finance", "Accounting", "Economics"],
    degrees: ["B.S.", "MBA", "B.A."],
    bullets: [
      "Built the {skill} model used to raise a ${n}M Series C",
      "Closed the books in {k} days with clean {skill} audits",
      "Owned {skill} and {skill2} for a ${n}M operating budget",
    ],
    certifications: ["CPA", "CFA Level II"],
  },
};

export interface PostingSpec {
  text: string;
  family: keyof typeof FAMILIES;
  team: string;
  department: string;
  location: string;
  commitment: string;
  level: string;
  state: "published" | "internal" | "closed" | "draft";
  confidential?: boolean;
  workplaceType: "onsite" | "remote" | "hybrid";
  requiredSkills: string[];
  niceSkills: string[];
  minYears: number;
  degree: string;
  responsibilities: string[];
  tags: string[];
  weight: number;
}

export interface AccountSpec {
  name: string;
  domain: string;
  blurb: string;
  users: Array<{ name: string; role: "super admin" | "admin" | "team member" | "interviewer"; title: string }>;
  postings: PostingSpec[];
}

export const ACCOUNTS: AccountSpec[] = [
  {
    name: "Acme Robotics",
    domain: "acmerobotics.example",
    blurb: "Acme Robotics builds autonomous mobile robots that move materials in factories and warehouses. Our fleet runs in 40 sites across North America.",
    users: [
      { name: "Dana Whitfield", role: "super admin", title: "Head of Talent" },
      { name: "Marcus Oyelaran", role: "team member", title: "Technical Recruiter" },
      { name: "Priya Natarajan", role: "admin", title: "Recruiting Operations" },
      { name: "Tom Becker", role: "interviewer", title: "Engineering Manager" },
    ],
    postings: [
      {
        text: "Senior Robotics Software Engineer", family: "software", team: "Autonomy", department: "Engineering",
        location: "Pittsburgh, PA", commitment: "Full-time", level: "Senior", state: "published", workplaceType: "hybrid",
        requiredSkills: ["C++", "Python", "ROS", "Linux", "distributed systems"], niceSkills: ["Kubernetes", "Rust", "gRPC"],
        minYears: 5, degree: "BS in Computer Science, Robotics or a related field",
        responsibilities: ["Own planning and control services that run on hundreds of robots", "Design interfaces between perception, planning and fleet software", "Raise the bar on testing, simulation and code review"],
        tags: ["engineering", "autonomy"], weight: 5,
      },
      {
        text: "Embedded Firmware Engineer", family: "embedded", team: "Hardware", department: "Engineering",
        location: "Boston, MA", commitment: "Full-time", level: "Mid", state: "published", workplaceType: "onsite",
        requiredSkills: ["C", "RTOS", "ARM Cortex-M", "CAN bus"], niceSkills: ["motor control", "Yocto", "Python"],
        minYears: 3, degree: "BS in Electrical or Computer Engineering",
        responsibilities: ["Write and test firmware for motor controllers and battery management", "Bring up new boards with the hardware team", "Build tooling for manufacturing tests"],
        tags: ["engineering", "hardware"], weight: 3,
      },
      {
        text: "Mechanical Design Engineer", family: "mechanical", team: "Hardware", department: "Engineering",
        location: "Pittsburgh, PA", commitment: "Full-time", level: "Mid", state: "published", workplaceType: "onsite",
        requiredSkills: ["SolidWorks", "GD&T", "DFM", "tolerance analysis"], niceSkills: ["FEA", "injection molding", "sheet metal design"],
        minYears: 3, degree: "BS in Mechanical Engineering",
        responsibilities: ["Design robot chassis, grippers and enclosures", "Take parts from prototype to volume production", "Work with suppliers on cost and quality"],
        tags: ["hardware"], weight: 3,
      },
      {
        text: "Product Manager, Autonomy", family: "product", team: "Product", department: "Product",
        location: "Remote – US", commitment: "Full-time", level: "Senior", state: "published", workplaceType: "remote",
        requiredSkills: ["roadmapping", "technical specs", "stakeholder management", "autonomy"], niceSkills: ["SQL", "A/B testing", "B2B SaaS"],
        minYears: 4, degree: "Bachelor's degree; technical background preferred",
        responsibilities: ["Own the autonomy roadmap with engineering leads", "Talk to operators at customer sites every week", "Turn fleet data into clear priorities"],
        tags: ["product"], weight: 3,
      },
      {
        text: "Field Service Technician", family: "field_service", team: "Customer Operations", department: "Operations",
        location: "Columbus, OH", commitment: "Full-time", level: "Entry", state: "internal", workplaceType: "onsite",
        requiredSkills: ["electromechanical troubleshooting", "preventive maintenance", "customer site installations"], niceSkills: ["PLC", "robot calibration", "OSHA 30"],
        minYears: 2, degree: "Associate degree or technical certificate",
        responsibilities: ["Install and service robots at customer sites", "Diagnose electrical and mechanical faults", "Travel up to 50%"],
        tags: ["operations"], weight: 2,
      },
      {
        text: "Data Engineer", family: "data", team: "Fleet Data", department: "Engineering",
        location: "Pittsburgh, PA", commitment: "Full-time", level: "Mid", state: "closed", workplaceType: "hybrid",
        requiredSkills: ["SQL", "Python", "Airflow", "data modeling"], niceSkills: ["Spark", "Kafka", "dbt"],
        minYears: 3, degree: "BS in Computer Science, Statistics or similar",
        responsibilities: ["Build pipelines for robot telemetry", "Model fleet KPIs for customers", "Keep data quality high"],
        tags: ["engineering", "data"], weight: 2,
      },
      {
        text: "Technical Recruiter", family: "recruiting", team: "Talent", department: "People",
        location: "Remote – US", commitment: "Full-time", level: "Mid", state: "published", workplaceType: "remote",
        requiredSkills: ["full-cycle recruiting", "technical hiring", "sourcing"], niceSkills: ["Lever", "Boolean search", "structured interviews"],
        minYears: 2, degree: "Bachelor's degree or equivalent experience",
        responsibilities: ["Run full-cycle searches for engineering roles", "Partner with hiring managers on structured loops", "Keep candidates informed and happy"],
        tags: ["people"], weight: 2,
      },
      {
        text: "Director of Manufacturing", family: "manufacturing", team: "Manufacturing", department: "Operations",
        location: "Pittsburgh, PA", commitment: "Full-time", level: "Director", state: "published", confidential: true, workplaceType: "onsite",
        requiredSkills: ["lean manufacturing", "P&L ownership", "NPI", "contract manufacturers"], niceSkills: ["Six Sigma", "ISO 9001", "robotics assembly"],
        minYears: 10, degree: "BS in Engineering; MBA a plus",
        responsibilities: ["Own robot production from NPI to volume", "Build and lead a team of 60", "Hit cost, quality and delivery targets"],
        tags: ["leadership"], weight: 1,
      },
    ],
  },
  {
    name: "Globex Health",
    domain: "globexhealth.example",
    blurb: "Globex Health runs virtual-first primary care for 300,000 members in 22 states, with clinicians and software built in house.",
    users: [
      { name: "Elena Vasquez", role: "super admin", title: "VP People" },
      { name: "Jordan Kim", role: "team member", title: "Recruiter" },
      { name: "Sam Adeyemi", role: "admin", title: "Talent Operations Lead" },
      { name: "Hannah Liu", role: "interviewer", title: "Director of Nursing" },
    ],
    postings: [
      {
        text: "Registered Nurse – Telehealth", family: "nursing", team: "Clinical", department: "Clinical Operations",
        location: "Remote – US", commitment: "Full-time", level: "Mid", state: "published", workplaceType: "remote",
        requiredSkills: ["telehealth", "patient triage", "multi-state RN license", "Epic EHR"], niceSkills: ["chronic care management", "ACLS", "care coordination"],
        minYears: 2, degree: "BSN and an active RN license (compact preferred)",
        responsibilities: ["Triage members by phone and video", "Coordinate follow-up care with physicians", "Document every visit in Epic"],
        tags: ["clinical"], weight: 5,
      },
      {
        text: "Senior Backend Engineer (TypeScript)", family: "software", team: "Platform", department: "Engineering",
        location: "Chicago, IL", commitment: "Full-time", level: "Senior", state: "published", workplaceType: "hybrid",
        requiredSkills: ["TypeScript", "Node.js", "PostgreSQL", "AWS", "REST APIs"], niceSkills: ["Kafka", "Terraform", "GraphQL"],
        minYears: 5, degree: "BS in Computer Science or equivalent experience",
        responsibilities: ["Build the services behind scheduling, visits and billing", "Own reliability of HIPAA-covered systems", "Mentor engineers and review designs"],
        tags: ["engineering"], weight: 4,
      },
      {
        text: "Clinical Data Analyst", family: "data", team: "Analytics", department: "Data",
        location: "Chicago, IL", commitment: "Full-time", level: "Mid", state: "published", workplaceType: "hybrid",
        requiredSkills: ["SQL", "Python", "HL7/FHIR", "statistics"], niceSkills: ["Tableau", "dbt", "R"],
        minYears: 2, degree: "BS in Statistics, Public Health, or a quantitative field",
        responsibilities: ["Measure outcomes and quality for value-based contracts", "Build dashboards for clinical leaders", "Validate claims and EHR data"],
        tags: ["data", "clinical"], weight: 3,
      },
      {
        text: "Medical Billing Specialist", family: "billing", team: "Revenue Cycle", department: "Finance",
        location: "Denver, CO", commitment: "Full-time", level: "Entry", state: "published", workplaceType: "onsite",
        requiredSkills: ["CPT coding", "ICD-10", "claims submission", "denial management"], niceSkills: ["Epic Resolute", "CPC certification", "Medicare/Medicaid"],
        minYears: 1, degree: "High school diploma; coding certificate preferred",
        responsibilities: ["Submit and follow up on claims", "Work denials and appeals", "Verify insurance before visits"],
        tags: ["finance"], weight: 3,
      },
      {
        text: "Product Designer", family: "design", team: "Member Experience", department: "Product",
        location: "Remote – US", commitment: "Full-time", level: "Mid", state: "published", workplaceType: "remote",
        requiredSkills: ["Figma", "user research", "prototyping", "accessibility (WCAG)"], niceSkills: ["design systems", "HTML/CSS", "usability testing"],
        minYears: 3, degree: "Degree in design or HCI, or an equivalent portfolio",
        responsibilities: ["Design the member app end to end", "Run research with members and clinicians", "Contribute to the design system"],
        tags: ["product", "design"], weight: 2,
      },
      {
        text: "Customer Success Manager", family: "customer_success", team: "Partnerships", department: "Sales",
        location: "Chicago, IL", commitment: "Full-time", level: "Mid", state: "closed", workplaceType: "hybrid",
        requiredSkills: ["account management", "renewals", "healthcare SaaS"], niceSkills: ["Salesforce", "Gainsight", "QBRs"],
        minYears: 3, degree: "Bachelor's degree",
        responsibilities: ["Own employer partner relationships", "Drive enrollment and renewals", "Run quarterly business reviews"],
        tags: ["sales"], weight: 2,
      },
      {
        text: "Security Engineer", family: "security", team: "Security", department: "Engineering",
        location: "Remote – US", commitment: "Full-time", level: "Senior", state: "internal", workplaceType: "remote",
        requiredSkills: ["AWS security", "threat modeling", "incident response", "HIPAA"], niceSkills: ["SOC 2", "Kubernetes", "Python"],
        minYears: 4, degree: "BS in Computer Science or equivalent experience",
        responsibilities: ["Secure our AWS footprint", "Run incident response", "Partner with compliance on HIPAA and SOC 2"],
        tags: ["engineering", "security"], weight: 1,
      },
      {
        text: "VP Finance", family: "finance", team: "Finance", department: "Finance",
        location: "Chicago, IL", commitment: "Full-time", level: "Executive", state: "published", confidential: true, workplaceType: "hybrid",
        requiredSkills: ["FP&A", "fundraising", "board reporting", "healthcare reimbursement"], niceSkills: ["NetSuite", "revenue recognition", "audit"],
        minYears: 12, degree: "BS in Finance or Accounting; CPA or MBA",
        responsibilities: ["Lead FP&A, accounting and revenue cycle", "Own board and investor reporting", "Prepare the company for its next raise"],
        tags: ["leadership"], weight: 1,
      },
    ],
  },
];

export const FIRST_NAMES = [
  "Aisha", "Alejandro", "Amara", "Anh", "Ben", "Carlos", "Chen", "Chloe", "Daniel", "Deepa", "Diego", "Emily", "Emeka", "Fatima",
  "Gabriel", "Grace", "Hiro", "Ibrahim", "Isabella", "Jamal", "Jasmine", "Javier", "Jin", "Julia", "Kavya", "Kevin", "Laila",
  "Liam", "Lucía", "Malik", "Maria", "Mateo", "Mei", "Michael", "Nadia", "Naomi", "Nikhil", "Noah", "Olga", "Omar", "Priya",
  "Rafael", "Rahul", "Rebecca", "Renée", "Ryan", "Sara", "Sofia", "Tariq", "Thanh", "Valentina", "Wei", "Yusuf", "Zoe", "Zanele",
];
export const LAST_NAMES = [
  "Adams", "Ahmed", "Alvarez", "Bauer", "Brooks", "Castillo", "Chen", "Cohen", "Diallo", "Dubois", "Fernández", "Fischer", "Garcia",
  "Gupta", "Haddad", "Hansen", "Ito", "Jackson", "Johnson", "Kim", "Kowalski", "Kumar", "Lee", "Lopez", "Martin", "Mensah",
  "Morales", "Murphy", "Nakamura", "Nguyen", "Novak", "Okafor", "O'Brien", "Patel", "Petrov", "Ramirez", "Reyes", "Rossi",
  "Santos", "Schmidt", "Shah", "Silva", "Singh", "Smith", "Sullivan", "Tanaka", "Thompson", "Tran", "Walker", "Wang", "Williams",
  "Wright", "Yamamoto", "Zhang",
];
export const CITIES = [
  "Pittsburgh, PA", "Boston, MA", "Chicago, IL", "Denver, CO", "Austin, TX", "Seattle, WA", "Atlanta, GA", "Columbus, OH",
  "San Jose, CA", "Raleigh, NC", "Minneapolis, MN", "Phoenix, AZ", "Brooklyn, NY", "Madison, WI", "Toronto, ON", "Portland, OR",
];
export const COMPANIES = [
  "Northwind Systems", "Brightline Logistics", "Cobalt Dynamics", "Helios Medical", "Summit Analytics", "Vertex Automation",
  "Riverbend Hospital", "Lumen Health", "Parcel Robotics", "Keystone Manufacturing", "BlueHarbor Software", "Quantum Freight",
  "Evergreen Clinics", "Ironclad Security", "Meridian Insurance", "Tidewater Energy", "Orbital Devices", "Pinecrest Labs",
  "Copperleaf Finance", "Silverline Retail", "Atlas Warehouse Co.", "Granite Health Partners", "NovaCare Telehealth", "Redwood Fintech",
];
export const UNIVERSITIES = [
  "Carnegie Mellon University", "University of Michigan", "Georgia Institute of Technology", "Ohio State University",
  "University of Texas at Austin", "Purdue University", "University of Illinois Urbana-Champaign", "Northeastern University",
  "University of Washington", "Arizona State University", "University of Colorado Boulder", "Penn State University",
  "University of Wisconsin–Madison", "Columbus State Community College", "DePaul University", "University of Toronto",
  "San Jose State University", "Rutgers University",
];
export const SOURCES = ["Company website", "LinkedIn", "Indeed", "Referral", "AngelList", "Hired", "University career fair", "Glassdoor"];
