# The peers a user would otherwise script: Python XlsxWriter writing the same cells, openpyxl reading
# the same workbook. Called by `crmctl bench` as: python3 -c <this> write CSV XLSX | read XLSX
# Prints the seconds the timed part took.
import csv, sys, time

def write(src, dst):
    import xlsxwriter
    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    kinds = [None] * len(rows[0])
    start = time.perf_counter()
    wb = xlsxwriter.Workbook(dst, {"constant_memory": True})
    ws = wb.add_worksheet()
    bold = wb.add_format({"bold": True})
    ws.write_row(0, 0, rows[0], bold)
    for r, row in enumerate(rows[1:], 1):
        for c, v in enumerate(row):
            if v != "":
                ws.write_string(r, c, v)
    wb.close()
    print(time.perf_counter() - start)

def read(path):
    import openpyxl
    start = time.perf_counter()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    n = 0
    for row in wb.worksheets[0].iter_rows(values_only=True):
        n += 1
    print(time.perf_counter() - start)

if sys.argv[1] == "write":
    write(sys.argv[2], sys.argv[3])
else:
    read(sys.argv[2])
