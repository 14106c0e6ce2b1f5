// Click a header of a table.sortable to sort its rows by that column (again to reverse).
document.querySelectorAll("table.sortable th").forEach((header) => {
  header.addEventListener("click", () => {
    const column = header.cellIndex;
    const ascending = header.dataset.order !== "asc";
    header.closest("tr").querySelectorAll("th").forEach((th) => delete th.dataset.order);
    header.dataset.order = ascending ? "asc" : "desc";
    const key = (row) => row.cells[column].dataset.sort ?? row.cells[column].textContent.trim();
    const body = header.closest("table").tBodies[0];
    const rows = [...body.rows].sort((a, b) => key(a).localeCompare(key(b), undefined, { numeric: true }));
    body.append(...(ascending ? rows : rows.reverse()));
  });
});
