import type { Paginated, Single } from './common';

export type GenderMarker = 'none' | 'closes_gender_gaps' | 'gender_equality_main_objective' | 'women_and_girls_only';
export type YouthMarker = 'none' | 'significant' | 'principal';

/** A decimal amount as a string with two decimals, e.g. "1250000.50" (exact; never a float). */
export type DecimalString = string;

export interface BudgetLine {
  documentId: string;
  municipalityCode: string;
  fiscalYear: number;
  code: string;
  name: string;
  programme: string | null;
  functionalClassification: string | null;
  amounts: { approved: DecimalString; revised: DecimalString; committed: DecimalString; spent: DecimalString };
  genderMarker: GenderMarker;
  youthMarker: YouthMarker;
  sdgTargets: string[];
}

/** Body of create and update (`{ data: BudgetLineInput }`); amounts as decimal strings or numbers. */
export interface BudgetLineInput {
  fiscalYear: number;
  code: string;
  name: string;
  programme?: string | null;
  functionalClassification?: string | null;
  approved: DecimalString | number;
  revised?: DecimalString | number;
  committed?: DecimalString | number;
  spent?: DecimalString | number;
  genderMarker?: GenderMarker;
  youthMarker?: YouthMarker;
  sdgTargets?: string[];
}

export namespace ListBudgetLines {
  export interface Query {
    municipality?: string;
    fiscalYear?: number;
    genderMarker?: GenderMarker | GenderMarker[];
    youthMarker?: YouthMarker | YouthMarker[];
    programme?: string;
    sort?: 'code' | 'name' | 'approved' | 'fiscalYear' | '-code' | '-name' | '-approved' | '-fiscalYear';
    page?: number;
    pageSize?: number;
  }
  export type Response = Paginated<BudgetLine> & {
    meta: { totals: { approved: DecimalString; revised: DecimalString; committed: DecimalString; spent: DecimalString } };
  };
}

export namespace GetBudgetLine {
  export type Response = Single<BudgetLine>;
}

export namespace ImportBudgetLines {
  export interface Query {
    dryRun?: boolean;
    /** When absent, read from the file's amounts; a file whose amounts disagree is refused. */
    decimalSeparator?: '.' | ',';
  }
  /** JSON body; a multipart upload with a `file` field is accepted too. */
  export interface Body {
    csv: string;
  }
  export interface Problem {
    line: number;
    field: string;
    message: string;
  }
  export interface Report {
    dryRun: boolean;
    valid: boolean;
    rows: number;
    created: number;
    updated: number;
    unchanged: number;
    problems: Problem[];
    /** As stated, or as the file's amounts show it. */
    decimalSeparator: '.' | ',';
    /** For an update, `diff` holds every changed field's old and new value (amounts as decimal strings). */
    changes: Array<{
      line: number;
      code: string;
      fiscalYear: number;
      action: 'create' | 'update';
      fields?: string[];
      diff?: Array<{ field: string; old: string | string[] | null; new: string | string[] | null }>;
    }>;
  }
  export type Response = Single<Report>;
}
