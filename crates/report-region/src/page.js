// Lists the units of the region page from its data: sorting, filtering, a hundred a page, and
// every unit the filters show when printing. Everything from the reports is set as text.
(function () {
  "use strict";
  var units = JSON.parse(document.getElementById("report-data").textContent);
  var PAGE = 100;
  var RANK = { passed: 0, warned: 1, failed: 2, unreadable: 3 };
  var collator = new Intl.Collator("zh-CN", { numeric: true });
  var state = { text: "", verdict: "", code: "", sort: "", dir: 1, page: 0 };
  var body = document.querySelector("#unit-table tbody");
  var details = document.getElementById("unit-details");
  var pager = document.getElementById("pager");
  var shown = document.getElementById("shown");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function key(u, column) {
    switch (column) {
      case "verdict": return RANK[u.verdict];
      case "year": return u.year || 0;
      case "errors": case "warnings": case "infos": return u[column];
      case "codes": return u.code_text;
      case "file": return u.file;
      default: return u.name;
    }
  }

  function order() {
    var text = state.text.trim().toLowerCase();
    var list = [];
    for (var i = 0; i < units.length; i++) {
      var u = units[i];
      if (state.verdict && u.verdict !== state.verdict) continue;
      if (state.code && u.codes.indexOf(state.code) < 0) continue;
      if (text && u.name.toLowerCase().indexOf(text) < 0 && u.file.toLowerCase().indexOf(text) < 0) continue;
      list.push(i);
    }
    if (state.sort) {
      var column = state.sort, dir = state.dir;
      list.sort(function (a, b) {
        var x = key(units[a], column), y = key(units[b], column);
        var c = typeof x === "number" ? x - y : collator.compare(x, y);
        return c !== 0 ? c * dir : a - b;
      });
    }
    return list;
  }

  function row(i) {
    var u = units[i];
    var tr = el("tr");
    tr.dataset.unit = i;
    var name = el("td");
    var link = el("a", "", u.name);
    link.href = "#u" + i;
    name.appendChild(link);
    tr.appendChild(name);
    tr.appendChild(el("td", "num", u.year || ""));
    var verdict = el("td");
    verdict.appendChild(el("span", "badge v-" + u.verdict, u.verdict_zh));
    tr.appendChild(verdict);
    tr.appendChild(el("td", "num", u.verdict === "unreadable" ? "" : u.errors));
    tr.appendChild(el("td", "num", u.verdict === "unreadable" ? "" : u.warnings));
    tr.appendChild(el("td", "num", u.verdict === "unreadable" ? "" : u.infos));
    tr.appendChild(el("td", "codes", u.code_text));
    tr.appendChild(el("td", "file", u.file));
    return tr;
  }

  function figureText(f) {
    if (f.value === undefined) return f.name + " 空白";
    var text = f.name + " " + f.value + " 件";
    var more = [];
    if (f.of > 1) more.push("全区第 " + f.rank + " / " + f.of + " 位，中位数 " + f.median);
    if (f.last !== undefined) more.push("上年 " + f.last);
    return more.length ? text + "（" + more.join("；") + "）" : text;
  }

  function section(i) {
    var u = units[i];
    var article = el("article", "unit");
    article.id = "u" + i;
    var h = el("h3", "", u.name + " ");
    h.appendChild(el("span", "badge v-" + u.verdict, u.verdict_zh));
    article.appendChild(h);
    var where = [];
    if (u.year) where.push(u.year + " 年度");
    if (u.edition) where.push(u.edition);
    where.push("文件 " + u.file);
    article.appendChild(el("p", "where", where.join(" · ")));
    if (u.why) {
      article.appendChild(el("p", "note alert", "无法读取：" + u.why));
      return article;
    }
    article.appendChild(el("p", "where", u.errors + " 个错误 · " + u.warnings + " 个警告 · " + u.infos + " 个提示"));
    article.appendChild(el("p", "figures", u.figures.map(figureText).join(" · ")));
    if (u.last_year) {
      var l = u.last_year;
      article.appendChild(el("p", "note", "上年报告 " + l.file + "：" + l.verdict_zh + "，" + l.errors + " 个错误 · " + l.warnings + " 个警告"));
    } else if (u.note) {
      article.appendChild(el("p", "note", u.note));
    }
    if (!u.groups.length) article.appendChild(el("p", "note", "没有发现问题。"));
    u.groups.forEach(function (g) {
      article.appendChild(el("h4", "", g.title));
      g.findings.forEach(function (f) {
        var div = el("div", "finding " + f.severity);
        div.appendChild(el("span", "sev", f.severity_zh));
        div.appendChild(document.createTextNode(f.message));
        div.appendChild(el("span", "code", f.code + (f.title ? " " + f.title : "")));
        if (f.places) div.appendChild(el("p", "at", "位置：" + f.places));
        if (f.source) div.appendChild(el("p", "at", "原文：" + f.source));
        article.appendChild(div);
      });
    });
    return article;
  }

  function render(all) {
    var list = order();
    var pages = Math.max(1, Math.ceil(list.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    var part = all ? list : list.slice(state.page * PAGE, (state.page + 1) * PAGE);
    var rows = document.createDocumentFragment();
    var sections = document.createDocumentFragment();
    part.forEach(function (i) {
      rows.appendChild(row(i));
      sections.appendChild(section(i));
    });
    body.replaceChildren(rows);
    details.replaceChildren(sections);
    shown.textContent = list.length === units.length
      ? "共 " + units.length + " 个单位"
      : "筛选出 " + list.length + " 个单位（共 " + units.length + " 个）";
    pager.replaceChildren();
    if (!all && pages > 1) {
      var button = function (p, label) {
        var b = el("button", "", label || p + 1);
        b.type = "button";
        b.dataset.page = p;
        if (p === state.page && !label) b.setAttribute("aria-current", "page");
        pager.appendChild(b);
      };
      if (state.page > 0) button(state.page - 1, "上一页");
      // The first and last pages, and two on each side of this one.
      var gap = false;
      for (var p = 0; p < pages; p++) {
        if (p === 0 || p === pages - 1 || Math.abs(p - state.page) <= 2) {
          button(p);
          gap = false;
        } else if (!gap) {
          pager.appendChild(el("span", "gap", "…"));
          gap = true;
        }
      }
      if (state.page < pages - 1) button(state.page + 1, "下一页");
      pager.appendChild(el("span", "shown", "每页 " + PAGE + " 个，共 " + pages + " 页"));
    }
    return list;
  }

  function showUnit(i) {
    var list = order();
    if (list.indexOf(i) < 0) {
      state.text = ""; state.verdict = ""; state.code = "";
      document.getElementById("filter-text").value = "";
      document.getElementById("filter-verdict").value = "";
      document.getElementById("filter-code").value = "";
      list = order();
    }
    state.page = Math.floor(list.indexOf(i) / PAGE);
    render(false);
    var target = document.getElementById("u" + i);
    if (target) {
      location.hash = "u" + i;
      target.scrollIntoView();
    }
  }

  document.getElementById("filter-text").addEventListener("input", function (e) {
    state.text = e.target.value; state.page = 0; render(false);
  });
  document.getElementById("filter-verdict").addEventListener("change", function (e) {
    state.verdict = e.target.value; state.page = 0; render(false);
  });
  document.getElementById("filter-code").addEventListener("change", function (e) {
    state.code = e.target.value; state.page = 0; render(false);
  });
  document.querySelectorAll("#unit-table th button").forEach(function (button) {
    button.addEventListener("click", function () {
      var column = button.dataset.sort;
      state.dir = state.sort === column ? -state.dir : 1;
      state.sort = column;
      document.querySelectorAll("#unit-table th").forEach(function (th) {
        th.setAttribute("aria-sort", "none");
      });
      button.parentNode.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
      render(false);
    });
  });
  pager.addEventListener("click", function (e) {
    var page = e.target.dataset && e.target.dataset.page;
    if (page !== undefined) {
      state.page = Number(page);
      render(false);
      document.getElementById("units").scrollIntoView();
    }
  });
  document.querySelectorAll(".chart .mark[data-unit]").forEach(function (mark) {
    mark.addEventListener("click", function () { showUnit(Number(mark.dataset.unit)); });
  });
  document.querySelectorAll(".chart .mark[data-code]").forEach(function (mark) {
    mark.addEventListener("click", function () {
      state.code = mark.dataset.code; state.page = 0;
      document.getElementById("filter-code").value = state.code;
      render(false);
      document.getElementById("units").scrollIntoView();
    });
  });
  window.addEventListener("beforeprint", function () { render(true); });
  window.addEventListener("afterprint", function () { render(false); });
  render(false);
  var hash = /^#u(\d+)$/.exec(location.hash);
  if (hash && units[Number(hash[1])]) showUnit(Number(hash[1]));
})();
