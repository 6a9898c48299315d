/**
 * Passwords that guessing tries first. The length rule (10+) already removes most of the lists'
 * top entries; what is left is a common word or keyboard walk with digits or symbols added, one
 * character repeated, or digits only. A password whose letters, once the trailing digits and symbols
 * are cut, are one of these words is refused too ("Password2024!", "qwerty123456").
 */
const COMMON_STEMS = new Set([
  "password", "passw0rd", "p@ssword", "p@ssw0rd", "pass", "qwerty", "qwertyuiop", "qwertyuiop[]", "asdfghjkl", "zxcvbnm",
  "qazwsx", "qazwsxedc", "1qaz2wsx", "1qaz2wsx3edc", "1q2w3e4r", "1q2w3e4r5t", "q1w2e3r4t5", "abc", "abcdef", "abcdefg",
  "abcdefghij", "letmein", "welcome", "iloveyou", "admin", "administrator", "login", "master", "monkey", "dragon",
  "football", "baseball", "soccer", "hockey", "basketball", "superman", "batman", "princess", "sunshine", "shadow",
  "michael", "jennifer", "jordan", "hunter", "trustno", "starwars", "whatever", "freedom", "computer", "internet",
  "secret", "changeme", "default", "guest", "test", "testing", "demo", "user", "root", "summer", "winter", "spring",
  "autumn", "january", "december", "hello", "helloworld", "loveme", "lovely", "charlie", "chocolate", "cheese",
  "pokemon", "minecraft", "fortnite", "liverpool", "chelsea", "arsenal", "yankees", "cowboys", "matrix", "mustang",
  "access", "flower", "killer", "ninja", "azerty", "azertyuiop", "qwertz", "qwertzuiop", "asdf", "asdfasdf",
  "screening", "lever", "recruiter", "recruiting", "company",
]);

const COMMON_WHOLE = new Set(["1234567890", "0987654321", "9876543210", "1234512345", "1122334455", "1029384756", "0123456789", "abcd1234efgh", "a1b2c3d4e5", "a1b2c3d4e5f6"]);

export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_WHOLE.has(lower)) return true;
  if (/^(.)\1*$/su.test(password)) return true;
  if (/^(..?.?)\1+$/su.test(password)) return true; // "abababab…", "abcabcabc…"
  if (/^[\d\s.-]+$/.test(password)) return true;
  const stem = lower.replace(/[\d\W_]+$/u, "").replace(/^[\d\W_]+/u, "");
  return stem === "" || COMMON_STEMS.has(stem);
}
