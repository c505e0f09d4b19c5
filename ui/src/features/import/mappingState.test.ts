import { describe, expect, it } from "vitest";
import { applyMapping, mappingWarnings, missingNeeded } from "./mappingState";

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

  it("asks for every column the record type needs, in every mode, whatever the match keys", () => {
    const contacts = [["customerName"], ["name"]];
    expect(mappingWarnings(["name"], "create", [], contacts)).toEqual(["noNeededColumns"]);
    expect(mappingWarnings(["customerName", "name"], "update", [], contacts)).toEqual([]);
    expect(mappingWarnings(["customerName", null, "name"], "upsert", ["uscc"], contacts)).toEqual([]);
  });

  it("is content with one field of a set that needs any of them", () => {
    const products = [["name", "code"]];
    expect(mappingWarnings(["code"], "create", [], products)).toEqual([]);
    expect(mappingWarnings(["unit"], "create", [], products)).toEqual(["noNeededColumns"]);
  });

  it("names the needed sets left without a column", () => {
    const receipts = [["contractNumber"], ["receivedOn"], ["amount"]];
    expect(missingNeeded(["amount", null], receipts)).toEqual([["contractNumber"], ["receivedOn"]]);
    expect(missingNeeded(["amount", "receivedOn", "contractNumber"], receipts)).toEqual([]);
  });
});
