import { describe, expect, it } from "vitest";
import { applyMapping, mappingWarnings } from "./mappingState";

describe("changing the column mapping", () => {
  it("sets the chosen field on the column and leaves the others alone", () => {
    expect(applyMapping(["name", null, "mobile"], 1, "email")).toEqual(["name", "email", "mobile"]);
  });

  it("takes a field away from the column that had it when another column chooses it", () => {
    expect(applyMapping(["name", "mobile", null], 2, "name")).toEqual([null, "mobile", "name"]);
  });

  it("leaves a column out when the user chooses 不导入, and then no other column changes", () => {
    expect(applyMapping(["name", null, null], 0, null)).toEqual([null, null, null]);
  });

  it("does not change the mapping it was given", () => {
    const before = ["name", "uscc"];
    applyMapping(before, 1, "name");
    expect(before).toEqual(["name", "uscc"]);
  });
});

describe("what keeps an import from running", () => {
  it("asks for a name column when new customers may be created", () => {
    expect(mappingWarnings(["uscc"], "create", ["uscc"])).toEqual(["noName"]);
    expect(mappingWarnings(["uscc"], "upsert", ["uscc"])).toEqual(["noName"]);
    expect(mappingWarnings(["uscc"], "update", ["uscc"])).toEqual([]);
  });

  it("asks for at least one match key when customers are updated", () => {
    expect(mappingWarnings(["name"], "update", [])).toEqual(["noMatchKey"]);
    expect(mappingWarnings(["name"], "create", [])).toEqual([]);
  });

  it("asks for a column for every chosen match key when customers are updated", () => {
    expect(mappingWarnings(["name", "mobile"], "upsert", ["uscc", "mobile"])).toEqual(["unmappedMatchKey"]);
    expect(mappingWarnings(["name", "mobile"], "upsert", ["name", "mobile"])).toEqual([]);
    expect(mappingWarnings(["name"], "create", ["uscc", "name"])).toEqual([]);
  });

  it("asks for the customer's name and the contact's name when contacts are imported, in every mode", () => {
    expect(mappingWarnings(["name"], "create", [], "contacts")).toEqual(["noContactNames"]);
    expect(mappingWarnings(["customerName", "name"], "update", [], "contacts")).toEqual([]);
  });
});
