export declare const DEMO_CSP: string;
