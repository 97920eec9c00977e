/* SPDX-License-Identifier: MIT */
/* jsonsplit.c: see jsonsplit.h.  A scanner, not a parser: it follows only
 * strings and bracket depth to find where a text ends, and SQLite parses
 * each text it hands over.  (Debian's streaming JSON parsers would parse
 * every value a second time, beside SQLite's functions that the import
 * relies on for each value's type and for its messages.) */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jsonsplit.h"
#include "mem.h"

enum where {
	W_START, W_NAME_OR_CLOSE, W_NAME, W_COLON, W_VALUE, W_AFTER_VALUE,
	W_ELEMENT_OR_CLOSE, W_ELEMENT, W_AFTER_ELEMENT, W_END, W_TEXT
};

enum kind { K_NAME, K_VALUE, K_ELEMENT };

struct jsonsplit {
	const struct jsonsplit_calls *calls;
	void *ctx;
	enum where w;
	bool stream;        /* the member just named streams if a list */
	uint64_t count;     /* elements of the streaming list so far */
	uint64_t pos;       /* bytes before the chunk being fed */
	uint64_t line;
	size_t bom;         /* bytes of a byte order mark first, so far */
	char *err;          /* the caller's, during a feed or finish */
	size_t errlen;
	/* The text being read: what it is, and how far in its brackets. */
	enum kind kind;
	size_t depth;
	bool in_string, escaped, scalar;
	char *buf;
	size_t len, cap;
};

struct jsonsplit *jsonsplit_new(const struct jsonsplit_calls *calls,
                                void *ctx)
{
	struct jsonsplit *p = mem_calloc(1, sizeof *p);

	if (p) {
		p->calls = calls;
		p->ctx = ctx;
		p->line = 1;
	}
	return p;
}

void jsonsplit_free(struct jsonsplit *p)
{
	if (p)
		mem_free(p->buf);
	mem_free(p);
}

/* A refusal that says where, in lines (what an editor shows) and bytes. */
__attribute__((format(printf, 3, 4)))
static enum jsonsplit_status bad(const struct jsonsplit *p, uint64_t at,
                                 const char *fmt, ...)
{
	char why[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	snprintf(p->err, p->errlen, "this is not valid JSON: at line %llu "
	         "(byte %llu), %s", (unsigned long long)p->line,
	         (unsigned long long)at + 1, why);
	return JSONSPLIT_NOT_JSON;
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Starts reading a text whose first byte is c. */
static void text_begin(struct jsonsplit *p, enum kind kind, unsigned char c)
{
	p->w = W_TEXT;
	p->kind = kind;
	p->depth = 0;
	p->in_string = p->escaped = false;
	p->scalar = c != '"' && c != '{' && c != '[';
	p->len = 0;
}

/* How many of b's n bytes belong to the text; *done when it ends there.
 * A number or a word ends before the space, comma or bracket after it. */
static size_t text_scan(struct jsonsplit *p, const char *b, size_t n,
                        bool *done)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)b[i];

		if (p->in_string) {
			if (p->escaped)
				p->escaped = false;
			else if (c == '\\')
				p->escaped = true;
			else if (c == '"' && (p->in_string = false, p->depth == 0))
				return *done = true, i + 1;
		} else if (p->scalar) {
			if (is_space(c) || c == ',' || c == '}' || c == ']')
				return *done = true, i;
		} else if (c == '"') {
			p->in_string = true;
		} else if (c == '{' || c == '[') {
			p->depth++;
		} else if (c == '}' || c == ']') {
			if (--p->depth == 0)
				return *done = true, i + 1;
		} else if (c == '\n') {
			p->line++;
		}
	}
	return n;
}

static enum jsonsplit_status text_add(struct jsonsplit *p, const char *b,
                                      size_t n, uint64_t at)
{
	if (n > JSONSPLIT_PIECE_MAX - p->len)
		return bad(p, at, "a value longer than %zu MiB, more than any "
		           "answer, list or contract can be",
		           JSONSPLIT_PIECE_MAX >> 20);
	if (p->len + n + 1 > p->cap) {
		size_t cap = p->cap ? p->cap : 4096;
		char *grown;

		while (cap < p->len + n + 1)
			cap *= 2;
		if (!(grown = mem_realloc_array(p->buf, cap, 1)))
			return JSONSPLIT_NOMEM;
		p->buf = grown;
		p->cap = cap;
	}
	memcpy(p->buf + p->len, b, n);
	p->len += n;
	p->buf[p->len] = '\0';
	return JSONSPLIT_OK;
}

/* The text is whole: hand it over. */
static enum jsonsplit_status text_end(struct jsonsplit *p)
{
	const struct jsonsplit_calls *c = p->calls;
	bool ok;

	p->stream = false;
	switch (p->kind) {
	case K_NAME:
		ok = c->name(p->ctx, p->buf, p->len, &p->stream);
		p->w = W_COLON;
		break;
	case K_VALUE:
		ok = c->value(p->ctx, p->buf, p->len);
		p->w = W_AFTER_VALUE;
		break;
	default:
		ok = c->element(p->ctx, p->count++, p->buf, p->len);
		p->w = W_AFTER_ELEMENT;
		break;
	}
	return ok ? JSONSPLIT_OK : JSONSPLIT_STOPPED;
}

static bool starts_value(unsigned char c)
{
	return c != '}' && c != ']' && c != ',' && c != ':';
}

/* One byte between texts (not a space): where it leads. */
static enum jsonsplit_status step(struct jsonsplit *p, unsigned char c,
                                  uint64_t at)
{
	switch (p->w) {
	case W_START:
		if (c == '{') {
			p->w = W_NAME_OR_CLOSE;
			return JSONSPLIT_OK;
		}
		if (c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') ||
		    c == 't' || c == 'f' || c == 'n') {
			snprintf(p->err, p->errlen, "the JSON is not an object; an "
			         "apmwb export starts with {");
			return JSONSPLIT_NOT_OBJECT;
		}
		return bad(p, at, "it does not start with {");
	case W_NAME_OR_CLOSE:
		if (c == '}') {
			p->w = W_END;
			return JSONSPLIT_OK;
		}
		/* fall through */
	case W_NAME:
		if (c != '"')
			return bad(p, at, "a member's name in quotes was expected");
		text_begin(p, K_NAME, c);
		return JSONSPLIT_OK;
	case W_COLON:
		if (c != ':')
			return bad(p, at, "':' was expected after a member's name");
		p->w = W_VALUE;
		return JSONSPLIT_OK;
	case W_VALUE:
		if (c == '[' && p->stream) {
			p->w = W_ELEMENT_OR_CLOSE;
			p->count = 0;
			return JSONSPLIT_OK;
		}
		if (!starts_value(c))
			return bad(p, at, "a value was expected after ':'");
		text_begin(p, K_VALUE, c);
		return JSONSPLIT_OK;
	case W_AFTER_VALUE:
		if (c == ',')
			p->w = W_NAME;
		else if (c == '}')
			p->w = W_END;
		else
			return bad(p, at, "',' or '}' was expected after a value");
		return JSONSPLIT_OK;
	case W_ELEMENT_OR_CLOSE:
	case W_AFTER_ELEMENT:
		if (c == ']') {
			p->w = W_AFTER_VALUE;
			return p->calls->end(p->ctx, p->count) ? JSONSPLIT_OK :
			       JSONSPLIT_STOPPED;
		}
		if (p->w == W_AFTER_ELEMENT) {
			if (c != ',')
				return bad(p, at, "',' or ']' was expected after an "
				           "element of a list");
			p->w = W_ELEMENT;
			return JSONSPLIT_OK;
		}
		/* fall through */
	case W_ELEMENT:
		if (!starts_value(c))
			return bad(p, at, "a value was expected in the list");
		text_begin(p, K_ELEMENT, c);
		return JSONSPLIT_OK;
	case W_END:
		return bad(p, at, "there is more after the object's closing }");
	default:
		return JSONSPLIT_OK;   /* W_TEXT is read by the caller */
	}
}

static const unsigned char bom[3] = { 0xef, 0xbb, 0xbf };

enum jsonsplit_status jsonsplit_feed(struct jsonsplit *p, const char *buf,
                                     size_t len, char *err, size_t errlen)
{
	const char *nul = memchr(buf, '\0', len);
	enum jsonsplit_status rc = JSONSPLIT_OK;
	size_t i = 0;

	p->err = err;
	p->errlen = errlen;
	if (nul) {
		snprintf(err, errlen, "the JSON contains a NUL byte (byte %llu); "
		         "it is not a text file",
		         (unsigned long long)(p->pos + (uint64_t)(nul - buf) + 1));
		return JSONSPLIT_NOT_JSON;
	}
	/* A UTF-8 byte order mark first, which some editors on Windows
	 * write, is skipped here (not by the caller), so every byte number
	 * said is the file's. */
	while (i < len && p->bom < sizeof bom && p->bom == p->pos + i &&
	       (unsigned char)buf[i] == bom[p->bom]) {
		p->bom++;
		i++;
	}
	if (i < len && p->bom && p->bom < sizeof bom)
		rc = bad(p, p->pos + i, "it does not start with {");
	while (i < len && rc == JSONSPLIT_OK) {
		unsigned char c = (unsigned char)buf[i];

		if (p->w == W_TEXT) {
			bool done = false;
			size_t n = text_scan(p, buf + i, len - i, &done);

			rc = text_add(p, buf + i, n, p->pos + i);
			i += n;
			if (rc == JSONSPLIT_OK && done)
				rc = text_end(p);
			continue;
		}
		if (c == '\n') {
			p->line++;
		} else if (!is_space(c)) {
			rc = step(p, c, p->pos + i);
			if (p->w == W_TEXT)
				continue;   /* its first byte is the text's */
		}
		i++;
	}
	p->pos += i;
	return rc;
}

enum jsonsplit_status jsonsplit_finish(struct jsonsplit *p, char *err,
                                       size_t errlen)
{
	p->err = err;
	p->errlen = errlen;
	if (p->w == W_END)
		return JSONSPLIT_OK;
	if (p->w == W_START && p->bom && p->bom < sizeof bom)
		return bad(p, p->pos - 1, "it does not start with {");
	if (p->w == W_START) {
		snprintf(err, errlen, "this is not valid JSON: it is empty");
		return JSONSPLIT_NOT_JSON;
	}
	return bad(p, p->pos ? p->pos - 1 : 0, "it ends before the object's "
	           "closing }");
}
